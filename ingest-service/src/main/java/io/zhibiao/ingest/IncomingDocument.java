package io.zhibiao.ingest;

/**
 * A decoded and validated document, before it gets an id: what one request (or one batch item)
 * asks ingest to publish.
 *
 * @param contentType   {@code text/plain} or {@code text/html}
 * @param content       the text as decoded, markup kept for HTML
 * @param contentSha256 SHA-256 of the normalized text, the deduplication key
 */
public record IncomingDocument(
        String externalId,
        String title,
        String url,
        String publishedAt,
        String source,
        String regionHint,
        String contentType,
        String content,
        String contentSha256,
        String originalCharset) {
}
