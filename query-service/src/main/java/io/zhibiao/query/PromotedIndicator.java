package io.zhibiao.query;

/**
 * An indicator as it became current, with its place in the stream: {@code streamSeq} grows with
 * every promoted row, in commit order, and is the id of its server-sent event on GET /stream.
 */
public record PromotedIndicator(long streamSeq, IndicatorEvent indicator) {
}
