package io.zhibiao.query.dashboard;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.messaging.ReadModelConsumer;
import io.zhibiao.testkit.TopicWriter;

/**
 * Publishes {@link SeedDocument}s on the real topics with a plain Kafka producer, in the order the
 * pipeline does: the document, its indicator events, then the extraction that completes them. Every
 * record is checked against docs/events first, so the seed is exactly what the services would send.
 */
final class SeedProducer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicWriter writer;

    SeedProducer(String bootstrapServers) {
        writer = new TopicWriter(bootstrapServers);
    }

    void publish(SeedDocument document) {
        send(ReadModelConsumer.DOCUMENTS, "document", document.documentId, document.documentEvent());
        for (Map<String, Object> indicator : document.indicatorEvents()) {
            send(ReadModelConsumer.INDICATORS, "indicator", document.documentId, indicator);
        }
        send(ReadModelConsumer.EXTRACTIONS, "extraction", document.documentId, document.extractionEvent());
    }

    private void send(String topic, String record, String key, Map<String, Object> value) {
        try {
            writer.sendChecked(topic, record, key, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed record cannot be serialized", e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
