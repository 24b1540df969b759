package io.zhibiao.query.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.DocumentEvent;
import io.zhibiao.query.ExtractionEvent;
import io.zhibiao.query.IndicatorEvent;

/**
 * Reads the records of the three topics and checks what the read model relies on. A record that
 * fails here is poison: retrying cannot fix it, so the consumer lets it go to the dead-letter topic.
 */
@ApplicationScoped
public class EventReader {

    private static final Set<String> UNITS = Set.of("CNY", "USD", "PERCENT", "PERCENTAGE_POINT", "MU", "HECTARE", "KM2",
            "M2", "KM", "M", "TON", "PERSON", "PERSON_TIME", "HOUSEHOLD", "COUNT", "RANK", "RATIO");
    private static final Set<String> KINDS = Set.of("LEVEL", "GROWTH_RATE", "CHANGE", "RANK");
    private static final Set<String> COMPARATORS = Set.of("EQ", "GE", "LE", "APPROX");
    private static final Set<String> STATUSES = Set.of("ACTUAL", "TARGET");

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        // unknown fields are tolerated so that an additive schema change does not dead-letter everything
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public DocumentEvent document(String json) {
        DocumentEvent e = parse(json, DocumentEvent.class);
        version(e.schemaVersion());
        required("documentId", e.documentId());
        required("receivedAt", e.receivedAt());
        timestamp("receivedAt", e.receivedAt());
        return e;
    }

    public IndicatorEvent indicator(String json) {
        IndicatorEvent e = parse(json, IndicatorEvent.class);
        version(e.schemaVersion());
        required("eventId", e.eventId());
        required("documentId", e.documentId());
        required("extractionId", e.extractionId());
        required("extractorVersion", e.extractorVersion());
        required("mentionIndex", e.mentionIndex());
        required("quote", e.quote());
        required("span", e.span());
        required("span.start", e.span().start());
        required("span.end", e.span().end());
        required("sentence", e.sentence());
        required("indicator", e.indicator());
        required("indicator.name", e.indicator().name());
        required("value", e.value());
        oneOf("unit", e.unit(), UNITS);
        oneOf("kind", e.kind(), KINDS);
        oneOf("comparator", e.comparator(), COMPARATORS);
        oneOf("status", e.status(), STATUSES);
        required("period", e.period());
        required("annualized", e.annualized());
        required("region", e.region());
        return e;
    }

    public ExtractionEvent extraction(String json) {
        ExtractionEvent e = parse(json, ExtractionEvent.class);
        version(e.schemaVersion());
        required("documentId", e.documentId());
        required("extractionId", e.extractionId());
        required("extractorVersion", e.extractorVersion());
        oneOf("status", e.status(), Set.of("EXTRACTED", "FAILED"));
        required("indicatorCount", e.indicatorCount());
        if (e.indicatorCount() < 0) {
            throw new InvalidEventException("indicatorCount is negative");
        }
        required("completedAt", e.completedAt());
        timestamp("completedAt", e.completedAt());
        return e;
    }

    /** A date-time of a record; the read model orders extractions by it. */
    public static OffsetDateTime timestamp(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO-8601 date-time: " + value, e);
        }
    }

    /**
     * The date part of an ISO-8601 date or date-time; null when absent or unreadable, because a
     * display field must not dead-letter an event that the extraction's count depends on.
     */
    public static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private <T> T parse(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record");
        }
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new InvalidEventException("null record");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a " + type.getSimpleName() + " record: " + e.getOriginalMessage(), e);
        }
    }

    private static void version(Integer version) {
        if (version == null || version != IndicatorEvent.SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schemaVersion " + version);
        }
    }

    private static void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            throw new InvalidEventException("missing " + field);
        }
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidEventException(field + " is not one of " + allowed + ": " + value);
        }
    }
}
