package io.zhibiao.extract.mapping;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the value of a {@code documents} record and checks it against docs/events/document.schema.json.
 * Works on the JSON tree rather than data binding so that every violation names its field, and so that a
 * readable documentId is kept even when another field is wrong (the processor then publishes a FAILED extraction).
 * Unknown properties are tolerated: a newer ingest may add optional fields without stopping extraction.
 */
public final class DocumentRecordReader {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final List<String> OPTIONAL_STRINGS =
            List.of("externalId", "title", "url", "publishedAt", "source", "regionHint", "originalCharset");

    private final ObjectMapper mapper;

    public DocumentRecordReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidDocumentException when the value is not a schema-valid document record */
    public DocumentRecord read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidDocumentException(null, null, "record value is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException(null, null, "record value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidDocumentException(null, null, "record value is not readable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDocumentException(null, null, "record value is not a JSON object");
        }
        JsonNode idNode = root.get("documentId");
        String documentId = idNode != null && idNode.isTextual() && !idNode.asText().isBlank() ? idNode.asText() : null;
        if (documentId == null) {
            throw new InvalidDocumentException("documentId", null, "documentId is missing or not a non-empty string");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() != 1) {
            throw new InvalidDocumentException("schemaVersion", documentId, "schemaVersion must be 1, not " + version);
        }
        for (String field : OPTIONAL_STRINGS) {
            JsonNode node = root.get(field);
            if (node != null && !node.isNull() && !node.isTextual()) {
                throw new InvalidDocumentException(field, documentId, field + " must be a string or null");
            }
        }
        String contentType = requiredString(root, "contentType", documentId);
        String content = requiredString(root, "content", documentId);
        String contentSha256 = requiredString(root, "contentSha256", documentId);
        if (!SHA256.matcher(contentSha256).matches()) {
            throw new InvalidDocumentException("contentSha256", documentId, "contentSha256 must be 64 lower-case hex digits");
        }
        String receivedAt = requiredString(root, "receivedAt", documentId);
        try {
            OffsetDateTime.parse(receivedAt);
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("receivedAt", documentId, "receivedAt is not an ISO date-time: " + receivedAt, e);
        }
        JsonNode reextract = root.get("reextract");
        if (reextract == null || !reextract.isBoolean()) {
            throw new InvalidDocumentException("reextract", documentId, "reextract is missing or not a boolean");
        }
        return new DocumentRecord(documentId, optionalString(root, "externalId"), optionalString(root, "title"),
                optionalString(root, "url"), optionalString(root, "publishedAt"), optionalString(root, "regionHint"),
                contentType, content, contentSha256);
    }

    private static String requiredString(JsonNode root, String field, String documentId) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new InvalidDocumentException(field, documentId, field + " is missing or not a string");
        }
        return node.asText();
    }

    private static String optionalString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
