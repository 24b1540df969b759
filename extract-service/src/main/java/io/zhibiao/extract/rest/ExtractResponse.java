package io.zhibiao.extract.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.zhibiao.extract.engine.event.IndicatorEvent;

/** The answer of POST /extract: the events a Kafka extraction of the same document would publish. */
@JsonPropertyOrder({"documentId", "extractionId", "extractorVersion", "publishedAt", "region", "indicators"})
@Schema(name = "ExtractResponse")
public record ExtractResponse(
        @Schema(description = "The id the events carry: derived from externalId and the content, so the same request gives the same ids.")
        String documentId,
        @Schema(description = "Deterministic id of this extraction (document, content, extractor version).")
        String extractionId,
        String extractorVersion,
        @Schema(description = "The publication date used (metadata, or found in the text), or null.")
        String publishedAt,
        @Schema(description = "The document's own region, or null when none was found.")
        IndicatorEvent.Region region,
        @Schema(description = "The indicator events (docs/events/indicator.schema.json), in text order.")
        List<IndicatorEvent> indicators) {
}
