package io.zhibiao.query.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.service.Page;

/** A page of GET /indicators (a concrete type, so that OpenAPI shows the item schema). */
@Schema(name = "IndicatorPage", description = "A page of indicators; pass nextCursor back as cursor for the next one.")
public record IndicatorPage(
        List<IndicatorEvent> items,
        @Schema(description = "Opaque cursor of the next page; null on the last page.", nullable = true,
                example = "eyJzIjoiLXB1Ymxpc2hlZEF0IiwidiI6IjIwMjMtMDEtMTUiLCJkIjoiZG9jLTEiLCJtIjozLCJlIjoiZXYtMyJ9")
        String nextCursor) {

    static IndicatorPage of(Page<IndicatorEvent> page) {
        return new IndicatorPage(page.items(), page.nextCursor());
    }
}
