package io.zhibiao.query;

/** An indicator as read from the read model, with the key that a cursor after it would hold. */
public record IndicatorRow(IndicatorEvent event, SortKey key) {
}
