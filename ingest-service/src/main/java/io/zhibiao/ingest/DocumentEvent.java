package io.zhibiao.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The record published on the {@code documents} topic (key: documentId), as
 * {@code docs/events/document.schema.json} defines it. Content is always UTF-8 text; HTML keeps
 * its markup.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentEvent(
        int schemaVersion,
        String documentId,
        String externalId,
        String title,
        String url,
        String publishedAt,
        String source,
        String regionHint,
        String contentType,
        String content,
        String contentSha256,
        String originalCharset,
        String receivedAt,
        boolean reextract) {

    public static final int SCHEMA_VERSION = 1;
}
