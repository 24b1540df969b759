package io.zhibiao.extract.engine.number;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The comparator cues of {@code grammar/comparators.tsv}: words right before or after a number. Immutable. */
public final class ComparatorCues {

    /** Classpath location of the table. */
    public static final String RESOURCE = "/grammar/comparators.tsv";

    /** One cue; {@code notAfter} lists characters that, right before a prefix cue, make it part of another word. */
    public record Cue(String cue, Comparator comparator, boolean prefix, String notAfter) {
    }

    /** A cue found in a text, with its span. */
    public record Found(Cue cue, int start, int end) {
    }

    private final Map<String, Cue> prefixes;
    private final Map<String, Cue> suffixes;
    private final int maxLength;

    private ComparatorCues(Map<String, Cue> prefixes, Map<String, Cue> suffixes) {
        this.prefixes = Map.copyOf(prefixes);
        this.suffixes = Map.copyOf(suffixes);
        this.maxLength = java.util.stream.Stream.concat(prefixes.keySet().stream(), suffixes.keySet().stream())
                .mapToInt(String::length).max().orElse(0);
    }

    /** Loads {@link #RESOURCE} from the classpath. */
    public static ComparatorCues fromClasspath() {
        try (InputStream in = ComparatorCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the layout of comparators.tsv: cue, comparator, position (prefix|suffix), not_after (optional). */
    public static ComparatorCues parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Cue> prefixes = new HashMap<>();
        Map<String, Cue> suffixes = new HashMap<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("cue\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected cue, comparator, position: " + line);
            }
            boolean prefix = switch (f[2]) {
                case "prefix" -> true;
                case "suffix" -> false;
                default -> throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": position must be prefix or suffix");
            };
            Cue cue = new Cue(f[0], Comparator.valueOf(f[1]), prefix, f.length > 3 ? f[3] : "");
            if ((prefix ? prefixes : suffixes).putIfAbsent(cue.cue(), cue) != null) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": duplicate cue " + cue.cue());
            }
        }
        return new ComparatorCues(prefixes, suffixes);
    }

    /** The longest prefix cue ending right at {@code pos}. */
    public Optional<Found> prefixBefore(CharSequence text, int pos) {
        for (int len = Math.min(maxLength, pos); len > 0; len--) {
            Cue cue = prefixes.get(text.subSequence(pos - len, pos).toString());
            if (cue != null) {
                int start = pos - len;
                if (start > 0 && cue.notAfter().indexOf(text.charAt(start - 1)) >= 0) {
                    continue;
                }
                return Optional.of(new Found(cue, start, pos));
            }
        }
        return Optional.empty();
    }

    /** The longest suffix cue starting right at {@code pos}. */
    public Optional<Found> suffixAt(CharSequence text, int pos) {
        for (int len = Math.min(maxLength, text.length() - pos); len > 0; len--) {
            Cue cue = suffixes.get(text.subSequence(pos, pos + len).toString());
            if (cue != null) {
                return Optional.of(new Found(cue, pos, pos + len));
            }
        }
        return Optional.empty();
    }

    /** The prefix cues as written. */
    public java.util.Set<String> prefixCues() {
        return prefixes.keySet();
    }

    /** The suffix cue written exactly as {@code word} (余, 多), if any. */
    public Optional<Cue> suffix(String word) {
        return Optional.ofNullable(suffixes.get(word));
    }
}
