package io.zhibiao.extract.mapping;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.zhibiao.extract.engine.event.IndicatorEvent;

/** A record of the {@code extractions} topic (docs/events/extraction.schema.json). */
@JsonPropertyOrder({"schemaVersion", "documentId", "externalId", "extractionId", "extractorVersion", "status",
        "indicatorCount", "title", "publishedAt", "region", "error", "completedAt"})
public record ExtractionRecord(int schemaVersion, String documentId, String externalId, String extractionId,
                               String extractorVersion, Status status, int indicatorCount, String title,
                               String publishedAt, IndicatorEvent.Region region, String error, String completedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Status { EXTRACTED, FAILED }

    public static ExtractionRecord extracted(String documentId, String externalId, String extractionId,
                                             String extractorVersion, int indicatorCount, String title,
                                             String publishedAt, IndicatorEvent.Region region, Instant completedAt) {
        return new ExtractionRecord(SCHEMA_VERSION, documentId, externalId, extractionId, extractorVersion,
                Status.EXTRACTED, indicatorCount, title, publishedAt, region, null, completedAt.toString());
    }

    public static ExtractionRecord failed(String documentId, String externalId, String extractionId,
                                          String extractorVersion, String title, String publishedAt, String error,
                                          Instant completedAt) {
        return new ExtractionRecord(SCHEMA_VERSION, documentId, externalId, extractionId, extractorVersion,
                Status.FAILED, 0, title, publishedAt, null, error, completedAt.toString());
    }
}
