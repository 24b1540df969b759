package io.zhibiao.query.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** A document record as ingest-service would publish it. */
public record DocumentFixture(String documentId, String title, String publishedAt, String receivedAt, boolean reextract) {

    public static DocumentFixture of(String documentId, String title, String publishedAt) {
        return new DocumentFixture(documentId, title, publishedAt, "2026-11-23T08:00:00Z", false);
    }

    public DocumentFixture reextracted(String receivedAt) {
        return new DocumentFixture(documentId, title, publishedAt, receivedAt, true);
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("documentId", documentId);
        m.put("externalId", "ext-" + documentId);
        m.put("title", title);
        m.put("url", "https://www.liling.gov.cn/" + documentId + ".html");
        m.put("publishedAt", publishedAt);
        m.put("source", "醴陵市人民政府门户网站");
        m.put("regionHint", null);
        m.put("contentType", "text/plain");
        m.put("content", title + "。2022年全市地区生产总值达到738亿元，增长8.5%。");
        m.put("contentSha256", "a".repeat(64));
        m.put("originalCharset", "UTF-8");
        m.put("receivedAt", receivedAt);
        m.put("reextract", reextract);
        return Json.write(m);
    }
}
