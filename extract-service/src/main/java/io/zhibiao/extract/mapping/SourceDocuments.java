package io.zhibiao.extract.mapping;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import io.zhibiao.extract.engine.SourceDocument;

/**
 * The rules every document must pass before the engine sees it, the same for Kafka records and REST requests,
 * so both paths reject the same inputs with the same messages.
 */
public final class SourceDocuments {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";
    public static final Set<String> CONTENT_TYPES = Set.of(TEXT_PLAIN, TEXT_HTML);

    /** The publishedAt pattern of document.schema.json: a date, optionally followed by a time. */
    private static final Pattern PUBLISHED_AT = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    private SourceDocuments() {
    }

    /**
     * Builds the engine's input after checking the content and the publication date.
     *
     * @param contentField the name of the field holding the content in the caller's wire format (content, text, html)
     * @throws InvalidDocumentException naming the offending field
     */
    public static SourceDocument of(String documentId, String externalId, String title, String url, String publishedAt,
                                    String regionHint, String contentType, String contentField, String content,
                                    int maxContentChars) {
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new InvalidDocumentException("contentType", documentId,
                    "contentType must be text/plain or text/html, not " + contentType);
        }
        if (content == null || content.isBlank()) {
            throw new InvalidDocumentException(contentField, documentId, contentField + " is missing or blank");
        }
        if (content.length() > maxContentChars) {
            throw new ContentTooLargeException(contentField, documentId, content.length(), maxContentChars);
        }
        checkPublishedAt(publishedAt, documentId);
        return new SourceDocument(documentId, externalId, title, url, publishedAt, blankToNull(regionHint),
                contentType, content);
    }

    private static void checkPublishedAt(String publishedAt, String documentId) {
        if (publishedAt == null) {
            return;
        }
        // the schema only constrains the prefix; an impossible date such as 2023-02-30 would mislead period resolution
        if (!PUBLISHED_AT.matcher(publishedAt).find()) {
            throw new InvalidDocumentException("publishedAt", documentId,
                    "publishedAt must start with an ISO date (yyyy-MM-dd), not '" + publishedAt + "'");
        }
        try {
            LocalDate.parse(publishedAt.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("publishedAt", documentId,
                    "publishedAt is not a valid date: '" + publishedAt + "'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
