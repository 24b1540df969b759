package io.zhibiao.extract.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.extract.engine.event.IndicatorEvent;
import io.zhibiao.extract.engine.event.IndicatorEvents;
import io.zhibiao.extract.mapping.ExtractionRecord;

/**
 * Publishes one document's records, keyed by documentId: all indicator events, then, once the broker has
 * acknowledged every one of them, the extraction record. A reader that sees the extraction record can therefore
 * count on the events being in the log already.
 */
@ApplicationScoped
public class ExtractionPublisher {

    private final Emitter<String> indicators;
    private final Emitter<String> extractions;
    private final ObjectMapper mapper = IndicatorEvents.mapper();

    /**
     * Unbounded buffers are safe here: the processor sends one document's records and waits for their
     * acknowledgements before taking the next document, so a buffer never holds more than one document's events.
     */
    public ExtractionPublisher(@Channel(Channels.INDICATORS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> indicators,
                               @Channel(Channels.EXTRACTIONS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> extractions) {
        this.indicators = indicators;
        this.extractions = extractions;
    }

    /** Sends the events in order, waits for all acks, then sends the extraction record and waits for its ack. */
    public void publish(String documentId, List<IndicatorEvent> events, ExtractionRecord extraction, Duration timeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (IndicatorEvent event : events) {
            acks.add(send(indicators, documentId, json(event)));
        }
        await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), timeout,
                events.size() + " indicator events of document " + documentId);
        publishExtraction(documentId, extraction, timeout);
    }

    /** Sends one extraction record (EXTRACTED or FAILED) and waits for its ack. */
    public void publishExtraction(String documentId, ExtractionRecord extraction, Duration timeout) {
        await(send(extractions, documentId, json(extraction)), timeout, "extraction record of document " + documentId);
    }

    private static CompletableFuture<Void> send(Emitter<String> emitter, String key, String json) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(json,
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // a terminated channel refuses at once; report it as a refused send so the document is dead-lettered
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private static void await(CompletableFuture<?> acks, Duration timeout, String what) {
        try {
            acks.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("the broker refused the " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("no acknowledgement within " + timeout + " for the " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for the " + what, e);
        }
    }

    private String json(Object record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            // records of plain strings, numbers and lists always serialize; this is a programming error
            throw new IllegalStateException("cannot serialize " + record.getClass().getSimpleName(), e);
        }
    }
}
