package io.zhibiao.query.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zhibiao.query.support.IndicatorFixture;

/**
 * One document and its extraction as ingest-service and extract-service would publish them: the
 * {@code documents} record, one {@code indicators} record per mention, then the {@code extractions}
 * record. Built as plain maps in the wire shape of docs/events, so the test exercises the real
 * consumers and never the read model's own classes.
 */
final class SeedDocument {

    /** A division as the extractor resolves it: code, official name, level and its ancestors nearest first. */
    record Region(String code, String name, String level, List<Region> parents) {

        Map<String, Object> toEvent() {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("name", name);
            region.put("code", code);
            region.put("level", level);
            region.put("parents", parents.stream().map(p -> Map.of("code", p.code, "name", p.name, "level", p.level)).toList());
            return region;
        }
    }

    static final Region HUNAN = new Region("430000", "湖南省", "PROVINCE", List.of());
    static final Region ZHUZHOU = new Region("430200", "株洲市", "PREFECTURE", List.of(HUNAN));
    static final Region YANLING = new Region("430225", "炎陵县", "COUNTY", List.of(ZHUZHOU, HUNAN));
    static final Region XIAYANG = new Region("430225100", "霞阳镇", "TOWN", List.of(YANLING, ZHUZHOU, HUNAN));
    static final Region YOUXIAN = new Region("430223", "攸县", "COUNTY", List.of(ZHUZHOU, HUNAN));

    final String documentId = UUID.randomUUID().toString();
    final String extractionId = UUID.randomUUID().toString();
    final String title;
    final String publishedAt;
    final Region region;
    private final List<Map<String, Object>> indicators = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    SeedDocument(String title, String publishedAt, Region region) {
        this.title = title;
        this.publishedAt = publishedAt;
        this.region = region;
    }

    /**
     * Adds one mention. {@code sentence} must contain {@code quote}; the span is computed in the
     * document text, which is the concatenation of the sentences.
     */
    SeedDocument mention(String sentence, String quote, String name, String code, double value, String unit,
                         String kind, String comparator, String status, Integer periodStart, Integer periodEnd,
                         Region where) {
        int inSentence = sentence.indexOf(quote);
        if (inSentence < 0) {
            throw new IllegalArgumentException("quote " + quote + " is not in " + sentence);
        }
        if (text.indexOf(sentence) < 0) {
            text.append(sentence);
        }
        int start = text.indexOf(sentence) + inSentence;
        int index = indicators.size();
        Map<String, Object> event = new IndicatorFixture(documentId, extractionId, index)
                .eventId(extractionId + "-" + index).extractorVersion("dashboard-test")
                .quote(quote, sentence).spanStart(start).indicator(name, code).value(value, unit)
                .measureWord("COUNT".equals(unit) ? quote.substring(quote.length() - 1) : null)
                .kind(kind).comparator(comparator).status(status).period(periodStart, periodEnd)
                .annualized(periodStart != null && !periodStart.equals(periodEnd) && "GROWTH_RATE".equals(kind))
                .region(where.toEvent()).published(title, publishedAt)
                .toMap();
        indicators.add(event);
        return this;
    }

    String eventId(int mentionIndex) {
        return (String) indicators.get(mentionIndex).get("eventId");
    }

    List<String> eventIds() {
        return indicators.stream().map(e -> (String) e.get("eventId")).toList();
    }

    List<Map<String, Object>> indicatorEvents() {
        return List.copyOf(indicators);
    }

    Map<String, Object> documentEvent() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schemaVersion", 1);
        document.put("documentId", documentId);
        document.put("externalId", null);
        document.put("title", title);
        document.put("url", "https://www.yanling.gov.cn/" + documentId + ".html");
        document.put("publishedAt", publishedAt);
        document.put("source", "dashboard test");
        document.put("regionHint", region.name());
        document.put("contentType", "text/plain");
        document.put("content", text.toString());
        document.put("contentSha256", sha256(text.toString()));
        document.put("originalCharset", "UTF-8");
        document.put("receivedAt", Instant.now().toString());
        document.put("reextract", false);
        return document;
    }

    Map<String, Object> extractionEvent() {
        Map<String, Object> extraction = new LinkedHashMap<>();
        extraction.put("schemaVersion", 1);
        extraction.put("documentId", documentId);
        extraction.put("externalId", null);
        extraction.put("extractionId", extractionId);
        extraction.put("extractorVersion", "dashboard-test");
        extraction.put("status", "EXTRACTED");
        extraction.put("indicatorCount", indicators.size());
        extraction.put("title", title);
        extraction.put("publishedAt", publishedAt);
        extraction.put("region", region.toEvent());
        extraction.put("error", null);
        extraction.put("completedAt", Instant.now().toString());
        return extraction;
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
