package io.zhibiao.ingest.messaging;

/** Names on the {@code documents} topic shared by the publisher, the reader and the tests. */
public final class DocumentTopic {

    /**
     * Header carrying the request's idempotency key, so that the index can be rebuilt with it. A
     * header rather than a field: the record's schema is the subscribers' contract, the key is not.
     */
    public static final String IDEMPOTENCY_KEY_HEADER = "zhibiao-idempotency-key";

    /** Header carrying the fingerprint of the request that the idempotency key was used with. */
    public static final String REQUEST_FINGERPRINT_HEADER = "zhibiao-request-fingerprint";

    private DocumentTopic() {
    }
}
