package io.zhibiao.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.zhibiao.ingest.DocumentEvent;
import io.zhibiao.ingest.IncomingDocument;
import io.zhibiao.ingest.mapping.DocumentMapper;
import io.zhibiao.ingest.messaging.DocumentPublisher;
import io.zhibiao.ingest.messaging.DocumentTopic;
import io.zhibiao.ingest.messaging.PublishException;
import io.zhibiao.ingest.repository.DocumentIndex;
import io.zhibiao.ingest.repository.DocumentIndex.IdempotentAnswer;

/**
 * The rules of accepting a document: idempotency key first, then deduplication by normalized
 * text, then publishing, and the index updated only after Kafka's acknowledgement.
 */
@ApplicationScoped
public class IngestService {

    /**
     * Requests for the same content or the same idempotency key are serialized on a lock stripe, so
     * that two concurrent posts of one document cannot both be published. Striping bounds memory.
     */
    private static final int STRIPES = 256;

    private final DocumentIndex index;
    private final DocumentPublisher publisher;
    private final DocumentMapper mapper;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public IngestService(DocumentIndex index, DocumentPublisher publisher, DocumentMapper mapper) {
        this.index = index;
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Accepts one validated document.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null
     * @param reextract      publish again under the existing id when the content is known
     * @throws IngestProblem 503 while the index is rebuilt or when Kafka does not acknowledge,
     *                       422 when the idempotency key was used for another request
     */
    public IngestResult ingest(IncomingDocument doc, String idempotencyKey, boolean reextract) {
        if (!index.isRebuilt()) {
            throw IngestProblem.unavailable("ingest is still reading the documents topic to rebuild its index", null);
        }
        String fingerprint = mapper.fingerprint(doc, reextract);
        int first = stripe(doc.contentSha256());
        int second = idempotencyKey == null ? first : stripe("key:" + idempotencyKey);
        // always lock the lower stripe first: no deadlock between two requests
        ReentrantLock a = stripes[Math.min(first, second)];
        ReentrantLock b = stripes[Math.max(first, second)];
        a.lock();
        b.lock();
        try {
            return ingestLocked(doc, idempotencyKey, reextract, fingerprint);
        } finally {
            b.unlock();
            a.unlock();
        }
    }

    private IngestResult ingestLocked(IncomingDocument doc, String key, boolean reextract, String fingerprint) {
        if (key != null) {
            Optional<IdempotentAnswer> previous = index.answerFor(key);
            if (previous.isPresent()) {
                IdempotentAnswer answer = previous.get();
                if (!answer.fingerprint().equals(fingerprint)) {
                    throw IngestProblem.parameter(422, "idempotency-key-reused", "Idempotency key reused",
                            "Idempotency-Key", "this Idempotency-Key was already used for a different request");
                }
                return new IngestResult(answer.httpStatus(), answer.status(), answer.documentId(),
                        answer.contentSha256(), answer.reextract(), true);
            }
        }
        Optional<String> existing = index.idFor(doc.contentSha256());
        if (existing.isPresent() && !reextract) {
            IngestResult duplicate = new IngestResult(200, IngestResult.DUPLICATE, existing.get(), doc.contentSha256(),
                    false, false);
            remember(key, fingerprint, duplicate);
            return duplicate;
        }
        String id = existing.orElseGet(() -> UUID.randomUUID().toString());
        // reextract only means something for a known document: a new one is simply a new document
        boolean replaces = existing.isPresent();
        DocumentEvent event = mapper.toEvent(id, doc, replaces, Instant.now(clock));
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put(DocumentTopic.IDEMPOTENCY_KEY_HEADER, key);
            headers.put(DocumentTopic.REQUEST_FINGERPRINT_HEADER, fingerprint);
        }
        publish(id, mapper.serialize(event), headers);
        index.remember(doc.contentSha256(), id);
        IngestResult accepted = new IngestResult(202, IngestResult.PENDING, id, doc.contentSha256(), replaces, false);
        remember(key, fingerprint, accepted);
        return accepted;
    }

    private void publish(String id, String json, Map<String, String> headers) {
        try {
            publisher.publish(id, json, headers);
        } catch (PublishException e) {
            throw IngestProblem.unavailable("Kafka is unavailable: " + e.getMessage(), e);
        } catch (CircuitBreakerOpenException e) {
            throw IngestProblem.unavailable("Kafka failed repeatedly; ingest pauses publishing for a few seconds", e);
        } catch (TimeoutException e) {
            throw IngestProblem.unavailable("Kafka did not acknowledge in time", e);
        } catch (RecordTooLargeException e) {
            throw IngestProblem.field(413, "too-large", "Document too large", "body",
                    "the document is larger than the documents topic accepts: " + e.getMessage());
        }
    }

    private void remember(String key, String fingerprint, IngestResult result) {
        if (key != null) {
            index.rememberAnswer(key, new IdempotentAnswer(fingerprint, result.httpStatus(), result.status(),
                    result.id(), result.contentSha256(), result.reextract()));
        }
    }

    private static int stripe(String value) {
        return Math.floorMod(value.hashCode(), STRIPES);
    }
}
