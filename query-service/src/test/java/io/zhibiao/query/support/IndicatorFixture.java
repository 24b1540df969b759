package io.zhibiao.query.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An indicator event as extract-service would publish it, with realistic defaults: the one builder
 * of indicator events in this module's tests (API tests, the dashboard's seed document and the
 * benchmark's generated mentions).
 */
public final class IndicatorFixture {

    private final String documentId;
    private final String extractionId;
    private final int mentionIndex;
    private String quote = "738亿元";
    private String sentence = "2022年全市地区生产总值达到738亿元，增长8.5%。";
    private String name = "地区生产总值";
    private String code = "GDP";
    private double value = 73_800_000_000d;
    private String unit = "CNY";
    private String measureWord;
    private String kind = "LEVEL";
    private String comparator = "EQ";
    private String status = "ACTUAL";
    private Integer periodStart = 2022;
    private Integer periodEnd = 2022;
    private boolean annualized;
    private Map<String, Object> region = Regions.LILING;
    private String title = "2023年醴陵市政府工作报告";
    private String publishedAt = "2023-01-10";
    private String extractorVersion = "0.1.0";
    private String eventId;
    private Integer spanStart;

    public IndicatorFixture(String documentId, String extractionId, int mentionIndex) {
        this.documentId = documentId;
        this.extractionId = extractionId;
        this.mentionIndex = mentionIndex;
    }

    public String eventId() {
        return eventId != null ? eventId : extractionId + ":" + mentionIndex;
    }

    public IndicatorFixture eventId(String eventId) {
        this.eventId = eventId;
        return this;
    }

    public IndicatorFixture extractorVersion(String extractorVersion) {
        this.extractorVersion = extractorVersion;
        return this;
    }

    /** Where the quote starts in the document text (default: where it starts in the sentence). */
    public IndicatorFixture spanStart(int spanStart) {
        this.spanStart = spanStart;
        return this;
    }

    public String documentId() {
        return documentId;
    }

    public String extractionId() {
        return extractionId;
    }

    public IndicatorFixture quote(String quote, String sentence) {
        this.quote = quote;
        this.sentence = sentence;
        return this;
    }

    public IndicatorFixture indicator(String name, String code) {
        this.name = name;
        this.code = code;
        return this;
    }

    public IndicatorFixture value(double value, String unit) {
        this.value = value;
        this.unit = unit;
        return this;
    }

    public IndicatorFixture measureWord(String measureWord) {
        this.measureWord = measureWord;
        return this;
    }

    public IndicatorFixture kind(String kind) {
        this.kind = kind;
        return this;
    }

    public IndicatorFixture comparator(String comparator) {
        this.comparator = comparator;
        return this;
    }

    public IndicatorFixture status(String status) {
        this.status = status;
        return this;
    }

    public IndicatorFixture period(Integer start, Integer end) {
        this.periodStart = start;
        this.periodEnd = end;
        return this;
    }

    public IndicatorFixture annualized(boolean annualized) {
        this.annualized = annualized;
        return this;
    }

    public IndicatorFixture region(Map<String, Object> region) {
        this.region = region;
        return this;
    }

    public IndicatorFixture published(String title, String publishedAt) {
        this.title = title;
        this.publishedAt = publishedAt;
        return this;
    }

    public String toJson() {
        return Json.write(toMap());
    }

    /** The event as a JSON object, in the schema's field order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("eventId", eventId());
        m.put("documentId", documentId);
        m.put("externalId", null);
        m.put("extractionId", extractionId);
        m.put("extractorVersion", extractorVersion);
        m.put("mentionIndex", mentionIndex);
        m.put("quote", quote);
        int start = spanStart != null ? spanStart : Math.max(0, sentence.indexOf(quote));
        m.put("span", Map.of("start", start, "end", start + quote.length()));
        m.put("sentence", sentence);
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("name", name);
        indicator.put("code", code);
        m.put("indicator", indicator);
        m.put("value", value);
        m.put("unit", unit);
        m.put("measureWord", measureWord);
        m.put("kind", kind);
        m.put("comparator", comparator);
        m.put("status", status);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", periodStart);
        period.put("end", periodEnd);
        m.put("period", period);
        m.put("annualized", annualized);
        m.put("region", region);
        m.put("title", title);
        m.put("publishedAt", publishedAt);
        return m;
    }
}
