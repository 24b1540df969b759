package io.zhibiao.extract.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds documents-topic records as ingest-service publishes them. */
final class DocumentRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentRecords() {
    }

    static Map<String, Object> document(String documentId, String contentType, String content, String publishedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        doc.put("documentId", documentId);
        doc.put("externalId", "ext-" + documentId);
        doc.put("title", "测试文档");
        doc.put("url", null);
        doc.put("publishedAt", publishedAt);
        doc.put("source", "test");
        doc.put("regionHint", null);
        doc.put("contentType", contentType);
        doc.put("content", content);
        doc.put("contentSha256", sha256(content));
        doc.put("originalCharset", "UTF-8");
        doc.put("receivedAt", Instant.parse("2026-11-23T10:00:00Z").toString());
        doc.put("reextract", false);
        return doc;
    }

    static String json(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = DocumentRecords.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
