package io.zhibiao.ingest;

/**
 * One document as a caller posts it in JSON (also one line of an NDJSON batch): metadata and
 * either {@code text} or {@code html}.
 */
public record DocumentRequest(
        String externalId,
        String title,
        String url,
        String publishedAt,
        String source,
        String regionHint,
        String text,
        String html) {

    public Metadata metadata() {
        return new Metadata(externalId, title, url, publishedAt, source, regionHint);
    }
}
