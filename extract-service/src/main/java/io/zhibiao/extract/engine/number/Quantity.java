package io.zhibiao.extract.engine.number;

/**
 * One number expression found in a text. value is in base units (738亿元 -> 7.38E10, 3.7万人 -> 37000, 8% -> 8,
 * 第三 -> 3).
 *
 * @param start           char offset of the first character of {@code text} in the input
 * @param end             char offset after the last character (exclusive)
 * @param text            the surface text with unit and measure word: 738亿元, 37家, 第45位, 300余项
 * @param value           the value in base units
 * @param unit            guideline unit code (CNY, USD, PERCENT, PERCENTAGE_POINT, MU, HECTARE, KM2, M2, KM, M, TON,
 *                        PERSON, PERSON_TIME, HOUSEHOLD, COUNT, RANK), MULTIPLE for N倍, or null for a bare number
 * @param measureWord     for COUNT the measure word as written (家, 个, 项), else null
 * @param comparator      EQ unless a cue bounds the number
 * @param comparatorStart start of the comparator cue in the input, or -1
 * @param comparatorEnd   end (exclusive) of the comparator cue in the input, or -1
 */
public record Quantity(int start, int end,
                       String text,
                       double value,
                       String unit,
                       String measureWord,
                       Comparator comparator,
                       int comparatorStart, int comparatorEnd) {
}
