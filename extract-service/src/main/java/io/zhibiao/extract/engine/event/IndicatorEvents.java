package io.zhibiao.extract.engine.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.IndicatorMention;
import io.zhibiao.extract.engine.RegionRef;
import io.zhibiao.extract.engine.SourceDocument;

/** Builds indicator events the same way for the CLI and the Kafka service. */
public final class IndicatorEvents {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private IndicatorEvents() {
    }

    /**
     * Deterministic id of one extraction: the same document, content and extractor version give the same id
     * (a name-based UUID). When the content hash is not known it is computed from the document's content.
     */
    public static String extractionId(SourceDocument doc, String contentSha256OrNull) {
        String hash = contentSha256OrNull != null ? contentSha256OrNull : sha256(doc.content() == null ? "" : doc.content());
        String name = doc.documentId() + "\n" + hash + "\n" + ExtractionEngine.version();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One event per mention, in mention order; eventId = extractionId + "-" + mentionIndex. */
    public static List<IndicatorEvent> events(SourceDocument doc, Extraction extraction, String extractionId) {
        String version = ExtractionEngine.version();
        String publishedAt = extraction.publishedAt() != null ? extraction.publishedAt() : doc.publishedAt();
        return extraction.mentions().stream()
                .map(m -> event(doc, m, extractionId, version, publishedAt))
                .toList();
    }

    /** The configured mapper: nulls are written as null, never omitted, as the schema requires. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static IndicatorEvent event(SourceDocument doc, IndicatorMention m, String extractionId, String version,
                                        String publishedAt) {
        return new IndicatorEvent(IndicatorEvent.SCHEMA_VERSION, extractionId + "-" + m.mentionIndex(), doc.documentId(),
                doc.externalId(), extractionId, version, m.mentionIndex(), m.quote(),
                new IndicatorEvent.Span(m.start(), m.end()), m.sentence(),
                new IndicatorEvent.Indicator(m.indicatorName(), m.indicatorCode()), m.value(), m.unit(), m.measureWord(),
                m.kind(), m.comparator(), m.status(), new IndicatorEvent.Period(m.periodStart(), m.periodEnd()),
                m.annualized(), region(m.region()), doc.title(), publishedAt);
    }

    private static IndicatorEvent.Region region(RegionRef r) {
        if (r == null) {
            return new IndicatorEvent.Region(null, null, null, List.of());
        }
        List<IndicatorEvent.Parent> parents = r.parents().stream()
                .map(p -> new IndicatorEvent.Parent(p.code(), p.name(), p.level()))
                .toList();
        return new IndicatorEvent.Region(r.name(), r.code(), r.level(), parents);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
