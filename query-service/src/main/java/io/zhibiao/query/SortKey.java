package io.zhibiao.query;

/**
 * Where a page of indicators ended: the sort value of the last row and its tie-breakers. The API
 * hands it out as an opaque cursor.
 *
 * @param value the primary sort value as text (a date, a number or a year)
 */
public record SortKey(IndicatorSort sort, String value, String documentId, int mentionIndex, String eventId) {
}
