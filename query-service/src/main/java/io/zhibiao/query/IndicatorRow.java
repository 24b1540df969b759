package io.zhibiao.query;

/**
 * An indicator as read from the read model, as the JSON the API serves (the shape of
 * {@link IndicatorEvent}), with the key that a cursor after it would hold.
 */
public record IndicatorRow(String json, SortKey key) {
}
