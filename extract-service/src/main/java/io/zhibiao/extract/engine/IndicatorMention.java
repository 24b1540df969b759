package io.zhibiao.extract.engine;

/**
 * One indicator figure found in a document; field meanings follow shared/eval/GUIDELINES.md.
 * start/end are UTF-16 offsets into {@link Extraction#cleanedText()}, end exclusive.
 */
public record IndicatorMention(int mentionIndex, String quote, int start, int end, String sentence,
                               String indicatorName, String indicatorCode, double value, String unit, String measureWord,
                               String kind, String comparator, String status, Integer periodStart, Integer periodEnd,
                               boolean annualized, RegionRef region) {
}
