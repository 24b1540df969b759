package io.zhibiao.query;

/** The completion of one extraction of one document (docs/events/extraction.schema.json). */
public record ExtractionEvent(Integer schemaVersion, String documentId, String externalId, String extractionId,
                              String extractorVersion, String status, Integer indicatorCount, String title,
                              String publishedAt, IndicatorEvent.Region region, String error, String completedAt) {
}
