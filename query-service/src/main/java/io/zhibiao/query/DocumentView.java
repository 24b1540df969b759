package io.zhibiao.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document in the read model: its metadata, where extraction stands, and (in detail) its indicators. */
@JsonPropertyOrder({"id", "externalId", "title", "url", "publishedAt", "source", "receivedAt", "status", "extractionId",
        "extractorVersion", "completedAt", "indicatorCount", "error", "region", "indicators"})
@Schema(name = "Document")
public record DocumentView(
        @Schema(description = "Zhibiao's id of the document.") String id,
        @Schema(description = "The caller's own id, if given.", nullable = true) String externalId,
        String title,
        String url,
        @Schema(description = "ISO date of publication (metadata, or found in the text by extraction).", nullable = true)
        String publishedAt,
        String source,
        @Schema(description = "When ingest received the (latest) posting.", nullable = true) String receivedAt,
        @Schema(description = "PENDING until its first extraction completes; EXTRACTED or FAILED after its latest one.")
        DocumentStatus status,
        @Schema(description = "The extraction whose indicators are served.", nullable = true) String extractionId,
        @Schema(nullable = true) String extractorVersion,
        @Schema(description = "When the served extraction completed.", nullable = true) String completedAt,
        int indicatorCount,
        @Schema(description = "Why the latest extraction failed.", nullable = true) String error,
        @Schema(description = "The document's own region, as extraction found it.", nullable = true) RegionRef region,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Its indicators in text order (GET /documents/{id} only).", nullable = true)
        List<IndicatorEvent> indicators) {

    public record RegionRef(String code, String name) {
    }
}
