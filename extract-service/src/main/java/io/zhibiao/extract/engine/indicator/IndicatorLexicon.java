package io.zhibiao.extract.engine.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zhibiao.extract.engine.cue.TsvTable;

/**
 * The indicator lexicon of lexicon/indicators.tsv: phrases that name indicators, with their canonical
 * codes (GUIDELINES section 3). A phrase found in an indicator phrase gives its code only when it heads
 * the phrase: nothing but a measure suffix (总额, 增速…) may follow it, and it must not be the base of a
 * share (工业增加值占地区生产总值的比重 has no code). Immutable and thread-safe.
 */
public final class IndicatorLexicon {

    public static final String RESOURCE = "/lexicon/indicators.tsv";
    /** What may follow the lexicon phrase inside the indicator phrase without changing what is measured. */
    private static final Pattern HEAD_SUFFIX = Pattern.compile("^(?:总额|总量|总值|额|增速|增幅|增长|同比增长|规模|数|数量|总数|人数|的?增速)?$");
    /** Words before the phrase that make it the base of a share or a per-unit figure. */
    private static final Pattern SHARE_BASE = Pattern.compile("占|单位|每|万元|亿元|人均(?!可支配)");

    /** One entry; code is null for known indicators without a canonical code. */
    public record Entry(String phrase, String code, String note) {
    }

    private final Map<String, Entry> entries;
    /** Phrases, longest first, so the most specific match wins. */
    private final List<Entry> byLength;

    public IndicatorLexicon(List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.phrase(), e);
        }
        this.entries = Map.copyOf(map);
        List<Entry> sorted = new ArrayList<>(map.values());
        sorted.sort(Comparator.comparingInt((Entry e) -> e.phrase().length()).reversed());
        this.byLength = List.copyOf(sorted);
    }

    public static IndicatorLexicon fromClasspath() {
        List<Entry> entries = new ArrayList<>();
        for (String[] row : TsvTable.read(RESOURCE)) {
            if (row.length < 2) {
                throw new IllegalArgumentException("indicators.tsv row needs phrase and code: " + String.join("\\t", row));
            }
            String code = row[1].trim();
            entries.add(new Entry(row[0].trim(), code.equals("-") || code.isEmpty() ? null : code,
                    row.length > 2 ? row[2] : ""));
        }
        return new IndicatorLexicon(entries);
    }

    public List<Entry> entries() {
        return byLength;
    }

    public Optional<Entry> exact(String phrase) {
        return Optional.ofNullable(entries.get(phrase));
    }

    /**
     * The canonical code of an indicator phrase, or empty: the lexicon phrase that ends last in it (the
     * longest of those) must head it.
     */
    public Optional<String> code(String indicatorPhrase) {
        if (indicatorPhrase == null || indicatorPhrase.isEmpty()) {
            return Optional.empty();
        }
        Entry best = null;
        int bestEnd = -1;
        int bestStart = -1;
        for (Entry e : byLength) {
            int at = indicatorPhrase.lastIndexOf(e.phrase());
            if (at < 0) {
                continue;
            }
            int end = at + e.phrase().length();
            if (end > bestEnd || (end == bestEnd && at < bestStart)) {
                best = e;
                bestEnd = end;
                bestStart = at;
            }
        }
        if (best == null || best.code() == null) {
            return Optional.empty();
        }
        String suffix = indicatorPhrase.substring(bestEnd);
        String prefix = indicatorPhrase.substring(0, bestStart);
        if (!HEAD_SUFFIX.matcher(suffix).matches() || SHARE_BASE.matcher(prefix).find()) {
            return Optional.empty();
        }
        return Optional.of(best.code());
    }
}
