package io.zhibiao.query.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorSort;
import io.zhibiao.query.SortKey;

/**
 * Turns query parameters into validated filters, limits and cursors, naming the offending
 * parameter when it cannot. The cursor is base64url JSON of the last row's sort key: opaque to
 * clients, checked here like any other input.
 */
@ApplicationScoped
public class ParameterParser {

    public static final Set<String> KINDS = Set.of("LEVEL", "GROWTH_RATE", "CHANGE", "RANK");
    public static final Set<String> STATUSES = Set.of("ACTUAL", "TARGET");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}|\\d{9}");
    private static final int MAX_TEXT = 200;

    private final ObjectMapper mapper;

    public ParameterParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public IndicatorFilter filter(FilterParameters p) {
        String region = region("region", p.region());
        boolean descendants = bool("includeDescendants", p.includeDescendants());
        Integer from = year("periodFrom", p.periodFrom());
        Integer to = year("periodTo", p.periodTo());
        if (from != null && to != null && from > to) {
            throw new BadParameterException("periodTo", "periodTo " + to + " is before periodFrom " + from);
        }
        LocalDate publishedFrom = date("publishedFrom", p.publishedFrom());
        LocalDate publishedTo = date("publishedTo", p.publishedTo());
        if (publishedFrom != null && publishedTo != null && publishedFrom.isAfter(publishedTo)) {
            throw new BadParameterException("publishedTo", "publishedTo " + publishedTo + " is before publishedFrom "
                    + publishedFrom);
        }
        return new IndicatorFilter(region, descendants, text("code", p.code()), text("q", p.q()),
                oneOf("kind", p.kind(), KINDS), oneOf("status", p.status(), STATUSES), from, to,
                text("documentId", p.documentId()), publishedFrom, publishedTo);
    }

    public IndicatorSort sort(String value) {
        if (blank(value)) {
            return IndicatorSort.PUBLISHED_DESC;
        }
        return IndicatorSort.fromParameter(value.trim()).orElseThrow(() -> new BadParameterException("sort",
                "sort must be one of publishedAt, -publishedAt, value, -value, period, -period; got " + value));
    }

    public int limit(String value, int defaultLimit, int maxLimit) {
        if (blank(value)) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new BadParameterException("limit", "limit must be an integer from 1 to " + maxLimit + "; got " + value);
    }

    /** A division code (6 or 9 digits), or null when absent. */
    public String region(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        String code = value.trim();
        if (!DIVISION_CODE.matcher(code).matches()) {
            throw new BadParameterException(parameter, parameter + " must be a 6- or 9-digit division code; got " + value);
        }
        return code;
    }

    public boolean bool(String parameter, String value) {
        if (blank(value)) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameterException(parameter, parameter + " must be true or false; got " + value);
        };
    }

    public String oneOf(String parameter, String value, Set<String> allowed) {
        if (blank(value)) {
            return null;
        }
        String v = value.trim();
        if (!allowed.contains(v)) {
            throw new BadParameterException(parameter, parameter + " must be one of " + new java.util.TreeSet<>(allowed)
                    + "; got " + value);
        }
        return v;
    }

    public String text(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new BadParameterException(parameter, parameter + " is longer than " + MAX_TEXT + " characters");
        }
        String trimmed = value.trim();
        // no line breaks or other control characters: they are never in a code, an id or a search word,
        // and q relies on it (the search column separates the phrase from the sentence with a line feed)
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException(parameter, parameter + " must not contain control characters");
        }
        return trimmed;
    }

    /** A position in GET /stream: the id of a server-sent event, a non-negative integer. */
    public Long streamPosition(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(parameter, parameter + " must be the id of an event of this stream "
                + "(a non-negative integer); got " + value);
    }

    public Integer year(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= 1 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(parameter, parameter + " must be a year (e.g. 2022); got " + value);
    }

    public LocalDate date(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, parameter + " must be an ISO date (e.g. 2023-01-31); got " + value);
        }
    }

    public String encode(SortKey key) {
        ObjectNode node = mapper.createObjectNode()
                .put("s", key.sort().parameter())
                .put("v", key.value())
                .put("d", key.documentId())
                .put("m", key.mentionIndex())
                .put("e", key.eventId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a cursor from {@link #encode}, which must belong to the same sort order. */
    public SortKey decode(String cursor, IndicatorSort sort) {
        if (blank(cursor)) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(Base64.getUrlDecoder().decode(cursor.trim()));
            String s = node.path("s").asText(null);
            if (!sort.parameter().equals(s)) {
                throw new BadParameterException("cursor", "the cursor belongs to sort " + s + ", not " + sort.parameter());
            }
            String value = node.path("v").asText(null);
            String documentId = node.path("d").asText(null);
            String eventId = node.path("e").asText(null);
            if (value == null || documentId == null || eventId == null || !node.path("m").canConvertToInt()) {
                throw new BadParameterException("cursor", "not a cursor of this API");
            }
            checkValue(sort, value);
            return new SortKey(sort, value, documentId, node.path("m").asInt(), eventId);
        } catch (IllegalArgumentException | IOException | DateTimeParseException e) {
            // base64, JSON or sort value unreadable: a forged or truncated cursor
            throw new BadParameterException("cursor", "not a cursor of this API");
        }
    }

    private static void checkValue(IndicatorSort sort, String value) {
        switch (sort) {
            case PUBLISHED_ASC, PUBLISHED_DESC -> LocalDate.parse(value);
            case VALUE_ASC, VALUE_DESC -> Double.parseDouble(value);
            case PERIOD_ASC, PERIOD_DESC -> Integer.parseInt(value);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
