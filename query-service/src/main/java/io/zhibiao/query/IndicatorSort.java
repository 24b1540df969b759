package io.zhibiao.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders of GET /indicators. Every order ends with documentId, mentionIndex and eventId, so
 * that the keyset cursor is unique.
 */
public enum IndicatorSort {
    /** Newest publication first, then document order (the default). */
    PUBLISHED_DESC("-publishedAt"),
    /** Oldest publication first, then document order. */
    PUBLISHED_ASC("publishedAt"),
    VALUE_ASC("value"),
    VALUE_DESC("-value"),
    /** By period year (end of the period, else its start). */
    PERIOD_ASC("period"),
    PERIOD_DESC("-period");

    private final String parameter;

    IndicatorSort(String parameter) {
        this.parameter = parameter;
    }

    /** How the {@code sort} query parameter spells it. */
    public String parameter() {
        return parameter;
    }

    public static Optional<IndicatorSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
    }
}
