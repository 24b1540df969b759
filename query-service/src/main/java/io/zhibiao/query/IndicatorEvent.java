package io.zhibiao.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One indicator mention, in the shape of docs/events/indicator.schema.json: what the `indicators`
 * topic carries and what the API answers, so a client reads both the same way.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"schemaVersion", "eventId", "documentId", "externalId", "extractionId", "extractorVersion", "mentionIndex",
        "quote", "span", "sentence", "indicator", "value", "unit", "measureWord", "kind", "comparator", "status", "period",
        "annualized", "region", "title", "publishedAt"})
public record IndicatorEvent(Integer schemaVersion, String eventId, String documentId, String externalId,
                             String extractionId, String extractorVersion, Integer mentionIndex, String quote, Span span,
                             String sentence, Indicator indicator, Double value, String unit, String measureWord,
                             String kind, String comparator, String status, Period period, Boolean annualized,
                             Region region, String title, String publishedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** UTF-16 offsets into the cleaned text, end exclusive. */
    public record Span(Integer start, Integer end) {
    }

    public record Indicator(String name, String code) {
    }

    public record Period(Integer start, Integer end) {
    }

    public record Region(String name, String code, String level, List<Parent> parents) {

        /** The region's own code and its ancestors' codes: what includeDescendants matches on. */
        public List<String> path() {
            java.util.ArrayList<String> path = new java.util.ArrayList<>();
            if (code != null) {
                path.add(code);
            }
            if (parents != null) {
                parents.stream().map(Parent::code).filter(java.util.Objects::nonNull).forEach(path::add);
            }
            return path;
        }
    }

    public record Parent(String code, String name, String level) {
    }
}
