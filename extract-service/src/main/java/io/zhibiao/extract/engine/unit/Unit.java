package io.zhibiao.extract.engine.unit;

/**
 * One row of {@code grammar/units.tsv}: a unit as written after a number.
 *
 * @param surface     the unit as written: 亿元, 个百分点, 亩, 家
 * @param code        guideline unit code (CNY, PERCENT, TON, COUNT...), MULTIPLE for 倍, or {@link #UNSUPPORTED}
 * @param factor      multiplier to the base unit: 亿元 1e8, 斤 0.0005 (to TON), 成 10 (to PERCENT)
 * @param measureWord true when the surface is a measure word kept on COUNT quantities (家, 个, 项)
 */
public record Unit(String surface, String code, double factor, boolean measureWord) {

    /** Code of units that have no base unit in the guidelines (立方米, 千瓦时, 年, ‰): their numbers are dropped. */
    public static final String UNSUPPORTED = "-";

    /** Whether a number carrying this unit is reported at all. */
    public boolean supported() {
        return !UNSUPPORTED.equals(code);
    }
}
