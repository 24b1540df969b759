package io.zhibiao.extract.engine.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The record of docs/events/indicator.schema.json, as published on the `indicators` topic and printed by the CLI. */
@JsonPropertyOrder({"schemaVersion", "eventId", "documentId", "externalId", "extractionId", "extractorVersion", "mentionIndex",
        "quote", "span", "sentence", "indicator", "value", "unit", "measureWord", "kind", "comparator", "status", "period",
        "annualized", "region", "title", "publishedAt"})
public record IndicatorEvent(int schemaVersion, String eventId, String documentId, String externalId, String extractionId,
                             String extractorVersion, int mentionIndex, String quote, Span span, String sentence,
                             Indicator indicator, double value, String unit, String measureWord, String kind,
                             String comparator, String status, Period period, boolean annualized, Region region,
                             String title, String publishedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** UTF-16 offsets into the cleaned text, end exclusive. */
    public record Span(int start, int end) {
    }

    public record Indicator(String name, String code) {
    }

    public record Period(Integer start, Integer end) {
    }

    public record Region(String name, String code, String level, List<Parent> parents) {
    }

    public record Parent(String code, String name, String level) {
    }
}
