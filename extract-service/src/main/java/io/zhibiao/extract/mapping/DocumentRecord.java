package io.zhibiao.extract.mapping;

/**
 * A record of the {@code documents} topic (docs/events/document.schema.json), as read by the processor.
 * Only the fields the extraction uses or reports are kept; source, originalCharset, receivedAt and reextract are
 * checked by {@link DocumentRecordReader} but not needed afterwards.
 */
public record DocumentRecord(String documentId, String externalId, String title, String url, String publishedAt,
                             String regionHint, String contentType, String content, String contentSha256) {
}
