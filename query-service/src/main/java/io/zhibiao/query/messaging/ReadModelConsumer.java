package io.zhibiao.query.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.zhibiao.query.mapping.EventReader;
import io.zhibiao.query.service.ReadModelService;

/**
 * Stores the three topics in PostgreSQL. Each record (or batch of indicator records) is stored in
 * one database transaction and acknowledged (its offset becomes committable) only after that
 * transaction has committed.
 * A record that throws is sent to {@code <topic>-dlq} so it cannot block its partition.
 */
@ApplicationScoped
public class ReadModelConsumer {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumer.class);

    /** Channel (and topic) of posted documents. */
    public static final String DOCUMENTS = "documents";
    /** Channel (and topic) of indicator events. */
    public static final String INDICATORS = "indicators";
    /** Channel (and topic) of extraction completions. */
    public static final String EXTRACTIONS = "extractions";

    private final EventReader reader;
    private final ReadModelService readModel;

    public ReadModelConsumer(EventReader reader, ReadModelService readModel) {
        this.reader = reader;
        this.readModel = readModel;
    }

    @Incoming(DOCUMENTS)
    @Blocking
    @Transactional
    public void onDocument(String record) {
        readModel.onDocument(reader.document(record));
    }

    /**
     * Indicator events arrive in batches (one poll, {@code mp.messaging.incoming.indicators.batch}),
     * stored in one transaction: one commit and one JDBC batch instead of one of each per event.
     * Each record is acknowledged only after that commit. If the batch fails (a poison record, or
     * any other error), it is rolled back and every record is retried in its own transaction, so
     * the good ones are stored and only the failing ones are nacked, which sends them to
     * {@code indicators-dlq} with the dead-letter headers, as before.
     */
    @Incoming(INDICATORS)
    @Blocking
    public CompletionStage<Void> onIndicators(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> readModel.onIndicators(
                    records.stream().map(r -> reader.indicator(r.getPayload())).toList()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "batch of %d indicator records failed; retrying them one by one", records.size());
            return CompletableFuture.allOf(records.stream().map(this::onIndicator).toArray(CompletableFuture[]::new));
        }
        return CompletableFuture.allOf(records.stream().map(r -> r.ack().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** One indicator record in its own transaction: acknowledged after the commit, nacked (dead-lettered) if it fails. */
    private CompletableFuture<Void> onIndicator(KafkaRecord<String, String> record) {
        try {
            QuarkusTransaction.requiringNew().run(() -> readModel.onIndicator(reader.indicator(record.getPayload())));
        } catch (RuntimeException e) {
            return record.nack(e).toCompletableFuture();
        }
        return record.ack().toCompletableFuture();
    }

    @Incoming(EXTRACTIONS)
    @Blocking
    @Transactional
    public void onExtraction(String record) {
        readModel.onExtraction(reader.extraction(record));
    }
}
