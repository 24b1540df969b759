package io.zhibiao.ingest.repository;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What ingest knows about the documents on the topic: content hash to document id (deduplication)
 * and idempotency key to the answer given. It lives in memory and is rebuilt from the
 * {@code documents} topic at start-up (the topic is the one source of truth), then kept current by
 * the topic reader and by the publisher after each acknowledged record. Nothing enters it before
 * Kafka has acknowledged it, so it never claims a document that was lost.
 */
@ApplicationScoped
public class DocumentIndex {

    private final Map<String, String> idsBySha = new ConcurrentHashMap<>();
    private final Map<String, IdempotentAnswer> answersByKey = new ConcurrentHashMap<>();
    private final AtomicLong recordsSeen = new AtomicLong();
    private volatile boolean rebuilt;

    /** The id of the document with this normalized-text hash, if any. */
    public Optional<String> idFor(String contentSha256) {
        return Optional.ofNullable(idsBySha.get(contentSha256));
    }

    /** Records a published document; the first id seen for a hash stays (topic order). */
    public void remember(String contentSha256, String documentId) {
        recordsSeen.incrementAndGet();
        idsBySha.putIfAbsent(contentSha256, documentId);
    }

    public Optional<IdempotentAnswer> answerFor(String idempotencyKey) {
        return Optional.ofNullable(answersByKey.get(idempotencyKey));
    }

    /** Records the answer given to a request with an idempotency key; the first answer stays. */
    public IdempotentAnswer rememberAnswer(String idempotencyKey, IdempotentAnswer answer) {
        IdempotentAnswer previous = answersByKey.putIfAbsent(idempotencyKey, answer);
        return previous == null ? answer : previous;
    }

    /** Called once the topic has been read up to the end offsets it had at start-up. */
    public void markRebuilt() {
        rebuilt = true;
    }

    public boolean isRebuilt() {
        return rebuilt;
    }

    public int documentCount() {
        return idsBySha.size();
    }

    public long recordsSeen() {
        return recordsSeen.get();
    }

    /**
     * The answer to replay for an idempotency key.
     *
     * @param fingerprint what identifies the request (see DocumentMapper#fingerprint)
     * @param httpStatus  202 when it was published, 200 when it was a duplicate
     */
    public record IdempotentAnswer(String fingerprint, int httpStatus, String status, String documentId,
            String contentSha256, boolean reextract) {
    }
}
