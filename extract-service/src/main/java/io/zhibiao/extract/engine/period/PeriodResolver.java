package io.zhibiao.extract.engine.period;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The period of a figure (GUIDELINES section 5): the nearest time expression before it in its clause; else one
 * that opens an earlier clause of its sentence; else one that opens a clause of the previous sentence; else the
 * topic period of its section; else the anchor year. Expressions inside book titles (《2022年…清单》) name documents
 * and are skipped. Thread-safe.
 */
public final class PeriodResolver {

    private static final String CLAUSE_ENDS = "，,；;：:。！？!?\n";
    /** Multi-year frames that govern what follows (五年来，…; 今后五年，…), unlike durations (连续3年, 用三年时间). */
    private static final Pattern FRAME = Pattern.compile("来$|以来|过去|今后|未来|接下来|期间|时期");
    private static final Pattern LEAD_IN = Pattern.compile("^(?:[\\s—\\-－“”]|在|自|截至|截止|到|至|从|于|其中|特别是|尤其是|而|但|同时|力争|确保|争取|预计|计划|力求|要|将)*$");

    /** The period given the sentence bounds, the previous sentence (start, or -1), the topic and anchor. */
    public Period resolve(String text, List<PeriodExpression> exprs, int numberStart, int clauseStart,
                          int sentenceStart, int previousSentenceStart, Period topic, Integer anchor) {
        Integer topicYear = topic != null ? Integer.valueOf(topic.end()) : anchor;
        Period best = null;
        int lowest = previousSentenceStart >= 0 ? Math.min(previousSentenceStart, sentenceStart) : sentenceStart;
        for (int i = firstStartingAtOrAfter(exprs, lowest); i < exprs.size(); i++) {
            PeriodExpression e = exprs.get(i);
            if (e.start() >= numberStart) {
                break;
            }
            if (e.end() > numberStart || inBookTitle(text, e.start(), sentenceStart) || isBase(text, e.start())) {
                continue;
            }
            boolean sameClause = e.start() >= clauseStart;
            boolean sameSentence = e.start() >= sentenceStart;
            boolean previous = previousSentenceStart >= 0 && e.start() >= previousSentenceStart && !sameSentence;
            Period p = e.resolve(anchor, topicYear);
            if (p == null) {
                continue;
            }
            if (sameClause) {
                best = p;
            } else if ((sameSentence || previous) && opensClause(text, e.start()) && carries(text, e, p)) {
                best = p;
            }
        }
        if (best != null) {
            return best;
        }
        if (topic != null) {
            return topic;
        }
        return anchor != null ? Period.year(anchor) : null;
    }

    /** 比2021年增加7家, 是2022年的4.62倍: the year is the base of a comparison, not the period of the figure. */
    private static boolean isBase(String text, int at) {
        if (at == 0) {
            return false;
        }
        char c = text.charAt(at - 1);
        return "比较与同".indexOf(c) >= 0 || (c == '是' && text.indexOf('的', at) >= 0 && text.indexOf('的', at) <= at + 8);
    }

    /** Binary search: the index of the first expression (sorted by start) starting at or after {@code offset}. */
    public static int firstStartingAtOrAfter(List<PeriodExpression> exprs, int offset) {
        int lo = 0;
        int hi = exprs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (exprs.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A time expression of another clause carries over when it names a year or a plan period (2022年，…; “十四五”期间，…),
     * not a duration (连续3年, 用三年时间) or the start of a from-to change (从2020年…).
     */
    private static boolean carries(String text, PeriodExpression e, Period p) {
        if (e.start() > 0 && "从由".indexOf(text.charAt(e.start() - 1)) >= 0) {
            return false;
        }
        return p.start() == p.end() || e.isAbsoluteYear() || FRAME.matcher(e.text()).find();
    }

    private static boolean opensClause(String text, int at) {
        int i = at;
        while (i > 0 && CLAUSE_ENDS.indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return LEAD_IN.matcher(text.substring(i, at)).matches();
    }

    private static boolean inBookTitle(String text, int at, int sentenceStart) {
        for (int i = at - 1; i >= sentenceStart; i--) {
            char c = text.charAt(i);
            if (c == '》') {
                return false;
            }
            if (c == '《') {
                return true;
            }
        }
        return false;
    }
}
