package io.zhibiao.extract.engine.cue;

import java.util.regex.Pattern;

/**
 * Numbers that are not indicator values (GUIDELINES section 1, "Do not extract"): numbers inside programme
 * labels in quotes or book titles (“5020”项目, “四个一批”, 《…2022…》), specifications and grade labels
 * (110千伏, 4A级, 万吨污水处理厂), ordinals in names (第十三次, 第二批), ranks without a ranking context,
 * slogans built of numerals (一户一栋), and counts of compared regions or comparison groups
 * (28个省份…排名, 两个入选的地级市之一). Thread-safe.
 */
public final class Exclusions {

    /** Longest quoted text treated as a label. */
    private static final int LABEL_MAX = 12;
    private static final Pattern SLOGAN_NEXT = Pattern.compile("^[一二两三四五六七八九十]");
    private static final Pattern CHINESE_NUMERAL_START = Pattern.compile("^[一二两三四五六七八九十百千万]");
    private static final Pattern GROUP_TAIL = Pattern.compile("之一|排名|排位|第[一二三四五六七八九十0-9]|前[一二三四五六七八九十0-9]");

    private final CueGrammar cues;

    public Exclusions(CueGrammar cues) {
        this.cues = cues;
    }

    /** True when the number at [start, end) is inside a short quoted label or a book title. */
    public boolean inLabel(String text, int start, int end, int sentenceStart) {
        int open = text.lastIndexOf('“', start);
        int close = text.lastIndexOf('”', start - 1);
        if (open >= sentenceStart && open > close) {
            int closing = text.indexOf('”', end);
            if (closing >= 0 && closing - open - 1 <= LABEL_MAX) {
                return true;
            }
        }
        int book = text.lastIndexOf('《', start);
        int bookClose = text.lastIndexOf('》', start - 1);
        return book >= sentenceStart && book > bookClose;
    }

    /** A specification or grade right after the number: 110千伏, 4A级, 1平方公里级, 万吨污水处理厂. */
    public boolean isSpecification(String after) {
        return cues.matches(Cue.SPEC_AFTER, after) || cues.matches(Cue.SPEC_HEAD_AFTER, after);
    }

    /** A rank counts only with a ranking word in its clause and 位/名 or punctuation after it. */
    public boolean isRankWithoutContext(String quote, String clauseBefore, String after) {
        boolean closed = quote.endsWith("位") || quote.endsWith("名");
        if (!closed && cues.matches(Cue.RANK_NOT_AFTER, after)) {
            return true;
        }
        return !cues.matches(Cue.RANK_CONTEXT, clauseBefore);
    }

    /** 一户一栋, 一乡一中心园: a numeral slogan, not a count. */
    public boolean isSlogan(String quote, String after) {
        return quote.length() <= 2 && CHINESE_NUMERAL_START.matcher(quote).find()
                && SLOGAN_NEXT.matcher(after).lookingAt();
    }

    /** 28个省份…第三, 两个入选的地级市之一: the size of a comparison group. */
    public boolean isComparisonGroup(String after, String clauseAfter) {
        return (cues.matches(Cue.COMPARISON_GROUP_AFTER, after) && GROUP_TAIL.matcher(clauseAfter).find())
                || clauseAfter.contains("之一");
    }
}
