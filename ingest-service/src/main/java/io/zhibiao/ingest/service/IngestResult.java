package io.zhibiao.ingest.service;

/**
 * What ingest answers for one document.
 *
 * @param httpStatus 202 accepted (published), 200 duplicate or replayed duplicate
 * @param status     PENDING or DUPLICATE
 * @param replayed   true when the answer is replayed for an idempotency key
 */
public record IngestResult(int httpStatus, String status, String id, String contentSha256, boolean reextract,
        boolean replayed) {

    public static final String PENDING = "PENDING";
    public static final String DUPLICATE = "DUPLICATE";
}
