package io.zhibiao.extract.engine.period;

/**
 * A time expression found in the text, e.g. 2022年上半年 or “十四五”末期, with the rule that resolves it.
 * Years are computed by {@link #resolve(Integer, Integer)} because 今年 or 连续六年 need the anchor
 * (publication) year and the topic year of the section.
 */
public record PeriodExpression(int start, int end, String text, PeriodGrammar.Rule rule, String[] groups) {

    /** The [start, end] years, or null when the expression needs a year that is not known. */
    public Period resolve(Integer anchorYear, Integer topicYear) {
        Integer s = rule.start().eval(groups, anchorYear, topicYear);
        Integer e = rule.end().eval(groups, anchorYear, topicYear);
        return s == null || e == null || s > e ? null : new Period(s, e);
    }

    /** True for expressions that name a single calendar year without context (2022年, 2022年上半年). */
    public boolean isAbsoluteYear() {
        return rule.start().isAbsolute() && rule.end().isAbsolute();
    }
}
