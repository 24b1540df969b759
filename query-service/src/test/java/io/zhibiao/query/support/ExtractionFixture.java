package io.zhibiao.query.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** An extraction completion record as extract-service would publish it. */
public record ExtractionFixture(String documentId, String extractionId, String status, int indicatorCount,
                                String completedAt, String error) {

    public static ExtractionFixture extracted(String documentId, String extractionId, int count, String completedAt) {
        return new ExtractionFixture(documentId, extractionId, "EXTRACTED", count, completedAt, null);
    }

    public static ExtractionFixture failed(String documentId, String extractionId, String completedAt, String error) {
        return new ExtractionFixture(documentId, extractionId, "FAILED", 0, completedAt, error);
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("documentId", documentId);
        m.put("externalId", null);
        m.put("extractionId", extractionId);
        m.put("extractorVersion", "0.1.0");
        m.put("status", status);
        m.put("indicatorCount", indicatorCount);
        m.put("title", "2023年醴陵市政府工作报告");
        m.put("publishedAt", "2023-01-10");
        m.put("region", Regions.LILING);
        m.put("error", error);
        m.put("completedAt", completedAt);
        return Json.write(m);
    }
}
