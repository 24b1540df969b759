package io.zhibiao.extract.engine.cue;

import java.util.regex.Pattern;

/**
 * Decides the kind, sign, unit and comparator of a number from the words before it in its clause
 * (GUIDELINES sections 2 and 5): 增长8% is a GROWTH_RATE, 下降49.8% is -49.8, 提高至95% is a LEVEL,
 * 比2021年增加7家 a CHANGE, 高于全市4个百分点 a CHANGE in points, 拉动…1.1个百分点 a GROWTH_RATE in points,
 * 增长1.3倍 130 PERCENT, 是…的2.2倍 a RATIO. Thread-safe.
 */
public final class MeaningResolver {

    private static final Pattern DECREASE = Pattern.compile("下降|减少|降低|低于|回落|收窄|缩小|减|降|少|慢于|负");
    private static final Pattern ANNUAL = Pattern.compile("年均|年平均|每年|平均每年");

    private final CueGrammar cues;

    public MeaningResolver(CueGrammar cues) {
        this.cues = cues;
    }

    /**
     * @param before     the clause text before the number (after any earlier figure of the clause), without the
     *                   number's comparator word
     * @param clause     the whole clause text up to the number
     * @param quote      the number as written
     * @param value      the recognized value in base units
     * @param unit       the unit (already fixed up: bare 亿 after a money word is CNY)
     * @param comparator the recognizer's comparator
     */
    public Meaning resolve(String before, String clause, String quote, double value, String unit, String comparator) {
        String b = before.strip();
        String cmp = comparator == null || comparator.equals("EQ") ? cueComparator(b) : comparator;
        return switch (unit) {
            case "RANK" -> new Meaning("RANK", value, unit, cmp);
            case "PERCENT" -> percent(b, quote, value, cmp);
            case "PERCENTAGE_POINT" -> points(b, clause, value, cmp);
            case "MULTIPLE" -> multiple(b, value, cmp);
            default -> amount(b, clause, value, unit, cmp);
        };
    }

    /** True for 年均 figures (average per year). */
    public boolean annualized(String clause) {
        return ANNUAL.matcher(clause).find();
    }

    private Meaning percent(String b, String quote, double value, String cmp) {
        if (cues.matches(Cue.DOUBLING, quote)) {
            return new Meaning("GROWTH_RATE", value, "PERCENT", cmp); // 翻番
        }
        if (cues.matches(Cue.LEVEL_TO, b)) {
            return new Meaning("LEVEL", value, "PERCENT", cmp);
        }
        if (cues.matches(Cue.GROWTH_DOWN, b)) {
            return new Meaning("GROWTH_RATE", -Math.abs(value), "PERCENT", cmp);
        }
        if (cues.matches(Cue.GROWTH_UP, b) || cues.matches(Cue.GROWTH_WORD, b)) {
            return new Meaning("GROWTH_RATE", value, "PERCENT", cmp);
        }
        return new Meaning("LEVEL", value, "PERCENT", cmp);
    }

    private Meaning points(String b, String clause, double value, String cmp) {
        if (cues.matches(Cue.CONTRIBUTION, clause)) {
            boolean down = cues.matches(Cue.GROWTH_DOWN, b) || b.contains("负");
            return new Meaning("GROWTH_RATE", down ? -Math.abs(value) : value, "PERCENTAGE_POINT", cmp);
        }
        if (cues.matches(Cue.NARROWING, b)) {
            return new Meaning("CHANGE", -Math.abs(value), "PERCENTAGE_POINT", cmp);
        }
        boolean down = DECREASE.matcher(b).find() && !b.matches(".*(?:提高|提升|增长|增加|高于|上升|扩大)[^低下降减少]*$");
        return new Meaning("CHANGE", down ? -Math.abs(value) : value, "PERCENTAGE_POINT", cmp);
    }

    private Meaning multiple(String b, double value, String cmp) {
        if (cues.matches(Cue.MULTIPLE_RATIO, b)) {
            return new Meaning("LEVEL", value, "RATIO", cmp);
        }
        if (cues.matches(Cue.MULTIPLE_GROWTH, b)) {
            return new Meaning("GROWTH_RATE", value * 100, "PERCENT", cmp);
        }
        return new Meaning("LEVEL", value, "RATIO", cmp);
    }

    private Meaning amount(String b, String clause, double value, String unit, String cmp) {
        boolean base = cues.matches(Cue.COMPARE_BASE, clause);
        if (base && cues.matches(Cue.CHANGE_DOWN, b)) {
            return new Meaning("CHANGE", -Math.abs(value), unit, cmp);
        }
        if (base && cues.matches(Cue.CHANGE_UP, b) && !b.endsWith("新增")) {
            return new Meaning("CHANGE", value, unit, cmp);
        }
        return new Meaning("LEVEL", value, unit, cmp);
    }

    private String cueComparator(String b) {
        if (cues.matches(Cue.LE_BEFORE, b)) {
            return "LE";
        }
        if (cues.matches(Cue.GE_BEFORE, b)) {
            return "GE";
        }
        if (cues.matches(Cue.APPROX_BEFORE, b)) {
            return "APPROX";
        }
        return "EQ";
    }
}
