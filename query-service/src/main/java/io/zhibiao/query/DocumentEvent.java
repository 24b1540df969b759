package io.zhibiao.query;

/**
 * A posted document (docs/events/document.schema.json) as far as the read model cares: its
 * metadata. The content itself is not stored here.
 */
public record DocumentEvent(Integer schemaVersion, String documentId, String externalId, String title, String url,
                            String publishedAt, String source, String regionHint, String contentType,
                            String contentSha256, String receivedAt, Boolean reextract) {
}
