package io.zhibiao.extract.engine.period;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year formula of grammar/periods.tsv: terms joined by + and -, each a literal, $n (a regex group:
 * a year or a numeral such as 五), A (anchor year) or T (topic year).
 */
public record YearFormula(String source, List<Term> terms) {

    private static final Pattern TERM = Pattern.compile("([+-]?)\\s*(\\$[0-9]|A|T|[0-9]+)");
    private static final String DIGITS = "零一二三四五六七八九";

    record Term(int sign, String atom) {
    }

    public static YearFormula parse(String source) {
        List<Term> terms = new ArrayList<>();
        Matcher m = TERM.matcher(source.replace(" ", ""));
        int pos = 0;
        String s = source.replace(" ", "");
        while (m.find()) {
            if (m.start() != pos) {
                throw new IllegalArgumentException("bad year formula: " + source);
            }
            terms.add(new Term("-".equals(m.group(1)) ? -1 : 1, m.group(2)));
            pos = m.end();
        }
        if (pos != s.length() || terms.isEmpty()) {
            throw new IllegalArgumentException("bad year formula: " + source);
        }
        return new YearFormula(source, List.copyOf(terms));
    }

    /** The year, or null when a needed anchor/topic year or group is missing. */
    public Integer eval(String[] groups, Integer anchor, Integer topic) {
        int sum = 0;
        for (Term t : terms) {
            Integer v = switch (t.atom()) {
                case "A" -> anchor;
                case "T" -> topic;
                default -> t.atom().startsWith("$") ? group(groups, t.atom().charAt(1) - '0') : Integer.valueOf(t.atom());
            };
            if (v == null) {
                return null;
            }
            sum += t.sign() * v;
        }
        return sum;
    }

    /** True when the formula needs neither the anchor nor the topic year. */
    public boolean isAbsolute() {
        return terms.stream().noneMatch(t -> t.atom().equals("A") || t.atom().equals("T"));
    }

    private static Integer group(String[] groups, int n) {
        if (n >= groups.length || groups[n] == null) {
            return null;
        }
        return numeral(groups[n]);
    }

    /** 2022 → 2022, 五 → 5, 十二 → 12, 二十 → 20; null when not a numeral. */
    static Integer numeral(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(s);
        }
        int value = 0;
        int digit = 0;
        for (char c : s.toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                value += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else {
                return null;
            }
        }
        return value + digit;
    }
}
