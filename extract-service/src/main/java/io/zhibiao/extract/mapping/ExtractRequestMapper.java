package io.zhibiao.extract.mapping;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.rest.ExtractRequest;

/** Turns a POST /extract request into the engine's input. */
public final class ExtractRequestMapper {

    private ExtractRequestMapper() {
    }

    /** @throws InvalidDocumentException naming the field when the request is not a usable document */
    public static SourceDocument toSourceDocument(ExtractRequest request, int maxContentChars) {
        if (request == null) {
            throw new InvalidDocumentException(null, null, "the request body is empty: send a JSON document with text or html");
        }
        boolean hasText = request.text() != null;
        boolean hasHtml = request.html() != null;
        if (hasText == hasHtml) {
            throw new InvalidDocumentException(hasText ? "html" : "text", null,
                    hasText ? "give either text or html, not both" : "text or html is required");
        }
        String field = hasText ? "text" : "html";
        String content = hasText ? request.text() : request.html();
        return SourceDocuments.of(documentId(request.externalId(), content), request.externalId(), request.title(),
                request.url(), request.publishedAt(), request.regionHint(),
                hasText ? SourceDocuments.TEXT_PLAIN : SourceDocuments.TEXT_HTML, field, content, maxContentChars);
    }

    /** A text/plain body, with the optional metadata given as query parameters. */
    public static SourceDocument toSourceDocument(String text, String title, String publishedAt, String regionHint,
                                                  int maxContentChars) {
        return SourceDocuments.of(documentId(null, text == null ? "" : text), null, title, null, publishedAt,
                regionHint, SourceDocuments.TEXT_PLAIN, "body", text, maxContentChars);
    }

    /**
     * REST documents are not stored, so they have no ingest id; a name-based UUID of the external id and the content
     * keeps the answer deterministic: the same request always gives the same documentId, extractionId and eventIds.
     */
    static String documentId(String externalId, String content) {
        String name = "rest\n" + (externalId == null ? "" : externalId) + "\n" + content;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
