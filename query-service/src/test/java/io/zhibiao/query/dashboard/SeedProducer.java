package io.zhibiao.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.messaging.ReadModelConsumer;
import io.zhibiao.testkit.EventSchemas;

/**
 * Publishes {@link SeedDocument}s on the real topics with a plain Kafka producer, in the order the
 * pipeline does: the document, its indicator events, then the extraction that completes them. Every
 * record is checked against docs/events first, so the seed is exactly what the services would send.
 */
final class SeedProducer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    SeedProducer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    void publish(SeedDocument document) {
        send(ReadModelConsumer.DOCUMENTS, "document", document.documentId, document.documentEvent());
        for (Map<String, Object> indicator : document.indicatorEvents()) {
            send(ReadModelConsumer.INDICATORS, "indicator", document.documentId, indicator);
        }
        send(ReadModelConsumer.EXTRACTIONS, "extraction", document.documentId, document.extractionEvent());
        producer.flush();
    }

    private void send(String topic, String record, String key, Map<String, Object> value) {
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed record cannot be serialized", e);
        }
        assertThat(EventSchemas.violations(record, json)).as("%s record %s", record, json).isEmpty();
        try {
            producer.send(new ProducerRecord<>(topic, key, json)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
