package io.zhibiao.extract.engine.cue;

import java.util.regex.Pattern;

import io.zhibiao.extract.engine.number.Quantity;

/**
 * Numbers that are not indicator values (GUIDELINES section 1, "Do not extract"): numbers inside programme
 * labels in quotes or book titles (“5020”项目, “四个一批”, 《…2022…》), specifications and grade labels
 * (110千伏, 4A级, 万吨污水处理厂), ordinals in names (第十三次, 第二批), ranks without a ranking context,
 * slogans built of numerals (一户一栋), and counts of compared regions or comparison groups
 * (28个省份…排名, 两个入选的地级市之一). Thread-safe.
 */
public final class Exclusions {

    /** Longest quoted text treated as a label. */
    private static final int LABEL_MAX = 16;
    private static final Pattern SLOGAN_NEXT = Pattern.compile("^[一二两三四五六七八九十]");
    private static final Pattern CHINESE_NUMERAL_START = Pattern.compile("^[一二两三四五六七八九十百千万]");
    private static final Pattern GROUP_TAIL = Pattern.compile("(?<!分)之一|排名|排位|第[一二三四五六七八九十0-9]|前[一二三四五六七八九十0-9]");
    /** A group of compared places or units right after a count, ranked in the same clause. */
    private static final Pattern GROUP_RANKED = Pattern.compile(
            "^[^，。；、]{0,20}?(?:城市|省份|省市|省区|地市|县市|县区|区县|县（市、区）|国家|经济体|地级市|单位|大区|片区|街道|镇街)[^，。；]{0,8}?"
                    + "(?:排名|排位|位列|位居|名列|第[一二三四五六七八九十0-9]|前[一二三四五六七八九十0-9]|中(?=位|排|名|居|列))"
                    + "|^[^，。；、]{0,24}?[中里](?:位居|位列|排名|排第|名列|居第|列第|居全)");
    private static final Pattern IDIOM_ONE = Pattern.compile("^一[片方盘颗份批番股道线]$");

    private final CueGrammar cues;

    public Exclusions(CueGrammar cues) {
        this.cues = cues;
    }

    /** True when the number at [start, end) is inside a short quoted label or a book title. */
    public boolean inLabel(String text, int start, int end, int sentenceStart) {
        int open = lastIndexOf(text, '“', start, sentenceStart);
        int close = lastIndexOf(text, '”', start - 1, sentenceStart);
        if (open >= sentenceStart && open > close) {
            int closing = text.indexOf('”', end);
            if (closing >= 0 && closing - open - 1 <= LABEL_MAX) {
                return true;
            }
        }
        int book = lastIndexOf(text, '《', start, sentenceStart);
        int bookClose = lastIndexOf(text, '》', start - 1, sentenceStart);
        return book >= sentenceStart && book > bookClose;
    }

    /** The last index of c in [floor, from], or -1: the search never leaves the sentence. */
    private static int lastIndexOf(String text, char c, int from, int floor) {
        for (int i = Math.min(from, text.length() - 1); i >= floor; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
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
                || GROUP_RANKED.matcher(clauseAfter).find()
                || Pattern.compile("^[^，。；]{0,20}?(?<!分)之一").matcher(clauseAfter).find();
    }

    /**
     * A number that counts no attribute of the place: 十九届历次全会 and 三次产业 (ordinals of meetings and terms),
     * 八项规定 and 两个重大战略机遇 (slogans), 一片蓝天 and 最后一公里 (idioms), 利用20天 (a duration),
     * 5000万元以上项目 (a class of projects), 50亩以下不单独供地 (a threshold).
     *
     * @param before the clause text before the number; {@code after} the text right after it;
     *               {@code afterComparator} the text after a trailing comparator (以上, 以下)
     */
    public boolean isNotAFigure(Quantity q, String unit, String before, String after, String afterComparator) {
        String quote = q.text();
        boolean chineseNumeral = CHINESE_NUMERAL_START.matcher(quote).find();
        if (("届".equals(q.measureWord()) || "次".equals(q.measureWord()) || quote.endsWith("届") || quote.endsWith("次"))
                && cues.matches(Cue.ORDINAL_AFTER, after)) {
            return true;
        }
        if (chineseNumeral && "COUNT".equals(unit) && cues.matches(Cue.ABSTRACT_AFTER, after)) {
            return true;
        }
        if (IDIOM_ONE.matcher(quote).matches() || (chineseNumeral && cues.matches(Cue.IDIOM_BEFORE, before))) {
            return true;
        }
        if (cues.matches(Cue.DURATION_BEFORE, before)) {
            return true;
        }
        if (("CNY".equals(unit) || "USD".equals(unit)) && cues.matches(Cue.TIER_AFTER, afterComparator)) {
            return true;
        }
        if (("KM".equals(unit) || "M".equals(unit)) && cues.matches(Cue.LENGTH_OF_ONE_AFTER, afterComparator)) {
            return true;
        }
        return cues.matches(Cue.THRESHOLD_AFTER, afterComparator);
    }
}
