package io.zhibiao.query;

import java.util.List;

/**
 * CDI event: these indicators just became current (fired inside the transaction that promoted
 * them), in text order.
 */
public record IndicatorsPromoted(List<PromotedIndicator> indicators) {
}
