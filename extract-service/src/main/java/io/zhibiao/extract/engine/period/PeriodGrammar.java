package io.zhibiao.extract.engine.period;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zhibiao.extract.engine.cue.TsvTable;

/**
 * The time expressions of grammar/periods.tsv. {@link #find(String)} returns the non-overlapping expressions
 * of a text, longest first at each position. Immutable and thread-safe.
 */
public final class PeriodGrammar {

    public static final String RESOURCE = "/grammar/periods.tsv";

    /** One row: a regex and the formulas of its first and last year. */
    public record Rule(Pattern pattern, YearFormula start, YearFormula end, String note) {
    }

    private final List<Rule> rules;
    /** Per character, the rules that can start a match with it (bit i = rule i): the scan tries only those. */
    private final java.util.Map<Character, Long> starts = new java.util.HashMap<>();

    public PeriodGrammar(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        // which characters can open a match: one character either matches or makes a rule ask for more (hitEnd);
        // candidates are the characters the rules spell out, digits and spaces (the rules use no negated classes)
        StringBuilder candidates = new StringBuilder("0123456789 \t");
        rules.forEach(r -> candidates.append(r.pattern().pattern()));
        if (rules.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " period rules");
        }
        for (char c : candidates.toString().toCharArray()) {
            String one = String.valueOf(c);
            long mask = 0;
            for (int i = 0; i < rules.size(); i++) {
                Matcher m = rules.get(i).pattern().matcher(one);
                if (m.lookingAt() || m.hitEnd()) {
                    mask |= 1L << i;
                }
            }
            if (mask != 0) {
                starts.put(c, mask);
            }
        }
    }

    public static PeriodGrammar fromClasspath() {
        List<Rule> rules = new ArrayList<>();
        for (String[] row : TsvTable.read(RESOURCE)) {
            if (row.length < 3) {
                throw new IllegalArgumentException("periods.tsv row needs regex, start, end: " + String.join("\\t", row));
            }
            rules.add(new Rule(Pattern.compile(row[0]), YearFormula.parse(row[1]), YearFormula.parse(row[2]),
                    row.length > 3 ? row[3] : ""));
        }
        return new PeriodGrammar(rules);
    }

    /** The time expressions of {@code text}, in order, not overlapping; at each position the longest match wins. */
    public List<PeriodExpression> find(String text) {
        List<PeriodExpression> out = new ArrayList<>();
        Matcher[] matchers = new Matcher[rules.size()];
        int from = 0;
        while (from < text.length()) {
            int at = from;
            Long mask = starts.get(text.charAt(at));
            if (mask == null) {
                from++;
                continue;
            }
            PeriodExpression best = null;
            for (int i = 0; i < rules.size(); i++) {
                if ((mask & (1L << i)) == 0) {
                    continue;
                }
                if (matchers[i] == null) {
                    matchers[i] = rules.get(i).pattern().matcher(text);
                }
                Matcher m = matchers[i].region(at, text.length());
                if (m.lookingAt() && m.end() > at && (best == null || m.end() > best.end())) {
                    String[] groups = new String[m.groupCount() + 1];
                    for (int g = 0; g <= m.groupCount(); g++) {
                        groups[g] = m.group(g);
                    }
                    best = new PeriodExpression(at, m.end(), m.group(), rules.get(i), groups);
                }
            }
            if (best == null) {
                from = at + 1;
                continue;
            }
            out.add(best);
            from = best.end();
        }
        return List.copyOf(out);
    }
}
