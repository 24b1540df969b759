package io.zhibiao.extract.engine;

/**
 * A document to extract from.
 *
 * @param contentType "text/plain" or "text/html"
 * @param publishedAt an ISO date (yyyy-MM-dd, or a date-time whose first 10 chars are the date) or null
 * @param regionHint  a region name or division code known from the source (e.g. the site's county), or null
 */
public record SourceDocument(String documentId, String externalId, String title, String url,
                             String publishedAt, String regionHint, String contentType, String content) {

    public boolean isHtml() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
    }
}
