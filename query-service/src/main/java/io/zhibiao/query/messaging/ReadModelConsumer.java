package io.zhibiao.query.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.zhibiao.query.mapping.EventReader;
import io.zhibiao.query.service.ReadModelService;

/**
 * Stores the three topics in PostgreSQL. Each method runs in one database transaction; the record
 * is acknowledged (and its offset becomes committable) only after that transaction has committed.
 * A record that throws is sent to {@code <topic>-dlq} so it cannot block its partition.
 */
@ApplicationScoped
public class ReadModelConsumer {

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

    @Incoming(INDICATORS)
    @Blocking
    @Transactional
    public void onIndicator(String record) {
        readModel.onIndicator(reader.indicator(record));
    }

    @Incoming(EXTRACTIONS)
    @Blocking
    @Transactional
    public void onExtraction(String record) {
        readModel.onExtraction(reader.extraction(record));
    }
}
