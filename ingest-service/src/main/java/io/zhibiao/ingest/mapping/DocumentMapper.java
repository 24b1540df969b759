package io.zhibiao.ingest.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.zhibiao.ingest.DocumentEvent;
import io.zhibiao.ingest.DocumentRequest;
import io.zhibiao.ingest.IncomingDocument;
import io.zhibiao.ingest.Metadata;
import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.service.ContentAnalyzer;
import io.zhibiao.ingest.service.DecodedText;
import io.zhibiao.ingest.service.IngestProblem;

/** Between the wire (JSON documents, query parameters), the validated document and the event. */
@ApplicationScoped
public class DocumentMapper {

    /** Deeper JSON than this is not a document but an attack on the parser. */
    private static final int MAX_JSON_NESTING = 16;

    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final DateTimeFormatter SPACED_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private final ContentAnalyzer analyzer;
    private final IngestConfig config;
    private final ObjectReader requestReader;
    private final ObjectWriter eventWriter;

    public DocumentMapper(ContentAnalyzer analyzer, IngestConfig config) {
        this.analyzer = analyzer;
        this.config = config;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_JSON_NESTING)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, config.maxDocumentBytes()))
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.requestReader = mapper.readerFor(DocumentRequest.class);
        this.eventWriter = mapper.writerFor(DocumentEvent.class);
    }

    /**
     * Parses one JSON document.
     *
     * @throws IngestProblem 400 for malformed JSON, 422 for a field of the wrong type or an unknown field
     */
    public DocumentRequest parse(String json) {
        if (json.isBlank()) {
            throw IngestProblem.field(400, "malformed-json", "Malformed JSON", "body", "the body is empty");
        }
        try {
            DocumentRequest request = requestReader.readValue(json);
            if (request == null) {
                throw IngestProblem.field(422, "invalid-field", "Invalid document", "body",
                        "expected a JSON object with text or html, got null");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw IngestProblem.field(422, "unknown-field", "Unknown field", e.getPropertyName(),
                    "unknown field '" + e.getPropertyName() + "'; known: externalId, title, url, publishedAt, source, "
                            + "regionHint, text, html");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw IngestProblem.field(422, "invalid-field", "Invalid field", field,
                    "body".equals(field) ? "expected a JSON object with text or html"
                            : "field '" + field + "' must be a string");
        } catch (JsonProcessingException e) {
            throw IngestProblem.field(400, "malformed-json", "Malformed JSON", "body", e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")" : ""));
        }
    }

    /** The document of a JSON request: exactly one of text and html. */
    public IncomingDocument fromRequest(DocumentRequest request, String originalCharset) {
        boolean hasText = request.text() != null;
        boolean hasHtml = request.html() != null;
        if (hasText && hasHtml) {
            throw IngestProblem.field(422, "ambiguous-content", "Text and HTML", "html",
                    "give either text or html, not both");
        }
        if (!hasText && !hasHtml) {
            throw IngestProblem.field(422, "missing-text", "Missing text", "text",
                    "the document needs a text (or html) field");
        }
        return hasHtml
                ? fromContent(request.metadata(), request.html(), ContentAnalyzer.TEXT_HTML, originalCharset, "html")
                : fromContent(request.metadata(), request.text(), ContentAnalyzer.TEXT_PLAIN, originalCharset, "text");
    }

    /** The document of a text/plain or text/html body (or uploaded file). */
    public IncomingDocument fromBody(Metadata metadata, DecodedText body, String contentType) {
        return fromContent(metadata, body.text(), contentType, body.charset(), "body");
    }

    private IncomingDocument fromContent(Metadata meta, String content, String contentType, String charset,
            String field) {
        ContentAnalyzer.Analysis analysis = analyzer.analyze(content, contentType, field);
        String title = clean(meta.title(), "title");
        if (title == null && analysis.title() != null) {
            title = truncate(analysis.title());
        }
        return new IncomingDocument(
                clean(meta.externalId(), "externalId"),
                title,
                url(clean(meta.url(), "url")),
                publishedAt(clean(meta.publishedAt(), "publishedAt")),
                clean(meta.source(), "source"),
                clean(meta.regionHint(), "regionHint"),
                contentType,
                content,
                analysis.contentSha256(),
                charset);
    }

    /** The event for a document with its id. */
    public DocumentEvent toEvent(String documentId, IncomingDocument doc, boolean reextract, Instant receivedAt) {
        return new DocumentEvent(DocumentEvent.SCHEMA_VERSION, documentId, doc.externalId(), doc.title(), doc.url(),
                doc.publishedAt(), doc.source(), doc.regionHint(), doc.contentType(), doc.content(),
                doc.contentSha256(), doc.originalCharset(), receivedAt.truncatedTo(ChronoUnit.MILLIS).toString(),
                reextract);
    }

    public String serialize(DocumentEvent event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a DocumentEvent always serializes", e);
        }
    }

    /**
     * What identifies a request for idempotency: the validated document (not its bytes, so a
     * retry in another encoding is the same request) and the reextract flag.
     */
    public String fingerprint(IncomingDocument doc, boolean reextract) {
        String canonical = List.of(String.valueOf(doc.externalId()), String.valueOf(doc.title()),
                String.valueOf(doc.url()), String.valueOf(doc.publishedAt()), String.valueOf(doc.source()),
                String.valueOf(doc.regionHint()), doc.contentType(), doc.contentSha256(), String.valueOf(reextract))
                .stream().map(s -> s.replace("\u0000", "")).collect(Collectors.joining("\u0000"));
        return ContentAnalyzer.sha256(canonical);
    }

    private String clean(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > config.maxMetadataLength()) {
            throw IngestProblem.field(422, "field-too-long", "Field too long", field,
                    field + " has " + stripped.length() + " characters, at most " + config.maxMetadataLength()
                            + " are accepted");
        }
        if (stripped.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw IngestProblem.field(422, "invalid-field", "Invalid field", field,
                    field + " contains control characters");
        }
        return stripped;
    }

    private String truncate(String title) {
        return title.length() <= config.maxMetadataLength() ? title : title.substring(0, config.maxMetadataLength());
    }

    private static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            throw IngestProblem.field(422, "invalid-url", "Invalid URL", "url",
                    "url is not a valid URI: " + e.getReason());
        }
        throw IngestProblem.field(422, "invalid-url", "Invalid URL", "url", "url must be an absolute http(s) URL");
    }

    /**
     * An ISO-8601 date or date-time ({@code 2024-03-01}, {@code 2024-03-01T10:00:00+08:00},
     * {@code 2024-03-01 10:00}) or a Chinese date ({@code 2024年3月1日}), in ISO form.
     */
    static String publishedAt(String value) {
        if (value == null) {
            return null;
        }
        Matcher chinese = CHINESE_DATE.matcher(value);
        try {
            if (chinese.matches()) {
                return LocalDate.of(Integer.parseInt(chinese.group(1)), Integer.parseInt(chinese.group(2)),
                        Integer.parseInt(chinese.group(3))).toString();
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).toString();
            }
            if (value.contains("T")) {
                return value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")
                        ? OffsetDateTime.parse(value).toString()
                        : LocalDateTime.parse(value).toString();
            }
            return LocalDateTime.parse(value, SPACED_DATE_TIME).toString();
        } catch (DateTimeException e) {
            throw IngestProblem.field(422, "invalid-date", "Invalid date", "publishedAt",
                    "publishedAt '" + value + "' is not a date: use ISO-8601 such as 2024-03-01 or 2024-03-01T10:00:00+08:00");
        }
    }
}
