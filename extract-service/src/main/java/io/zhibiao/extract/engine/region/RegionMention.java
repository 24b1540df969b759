package io.zhibiao.extract.engine.region;

import java.util.List;
import java.util.Objects;

/**
 * A place in a text where a division is named.
 *
 * @param start      offset of the first char (inclusive)
 * @param end        offset after the last char (exclusive)
 * @param surface    the text as written ({@code 萍乡}, {@code 湘东区})
 * @param candidates the divisions the surface may denote, never empty; more than one
 *                   when the name is shared (城关镇), to be narrowed by {@link RegionResolver}
 * @param kind       whether the full name or the short name was written
 */
public record RegionMention(int start, int end, String surface, List<Division> candidates, Kind kind) {

    /** How a division was named. */
    public enum Kind {
        /** The official full name, with its suffix: 萍乡市, 上埠镇. */
        FULL_NAME,
        /** The name without its suffix: 萍乡, 湘东. */
        SHORT_NAME
    }

    public RegionMention {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(kind, "kind");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a mention needs a candidate: " + surface);
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** True when the name denotes exactly one division. */
    public boolean isUnambiguous() {
        return candidates.size() == 1;
    }

    public int length() {
        return end - start;
    }
}
