package io.zhibiao.extract.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document posted to POST /extract, the same shape as ingest-service's POST /documents: text or html, not both. */
@Schema(name = "ExtractRequest", description = "A document to extract from: exactly one of text and html.")
public record ExtractRequest(
        @Schema(description = "The caller's own id, copied into every event.", examples = "xiangdong-2023-03-26")
        String externalId,
        @Schema(description = "Title, copied into every event.", examples = "萍乡湘东区:景美人和产业兴")
        String title,
        @Schema(description = "Where the document was published.", examples = "https://www.pxdaily.cn/a/123.html")
        String url,
        @Schema(description = "ISO date or date-time of publication; when absent the engine looks for it in the text.",
                examples = "2023-03-26", pattern = "^\\d{4}-\\d{2}-\\d{2}")
        String publishedAt,
        @Schema(description = "Free text: where the document came from (accepted for ingest compatibility, not used).", examples = "萍乡日报")
        String source,
        @Schema(description = "A division name or code the document is known to be about.", examples = "湘东区")
        String regionHint,
        @Schema(description = "Plain UTF-8 text of the document.")
        String text,
        @Schema(description = "HTML of the document; boilerplate is removed before extraction.")
        String html) {
}
