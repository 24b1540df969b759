package io.zhibiao.ingest;

/** What a caller may tell about a document besides its content (JSON fields or query parameters). */
public record Metadata(
        String externalId,
        String title,
        String url,
        String publishedAt,
        String source,
        String regionHint) {

    public static final Metadata NONE = new Metadata(null, null, null, null, null, null);
}
