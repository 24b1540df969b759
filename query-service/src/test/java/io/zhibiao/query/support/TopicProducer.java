package io.zhibiao.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.zhibiao.testkit.EventSchemas;

/**
 * A plain Kafka producer on the test broker that checks every record against its event schema
 * before sending it (except records meant to be poison).
 */
public final class TopicProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicProducer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    public void document(DocumentFixture doc) {
        send("documents", "document", doc.documentId(), doc.toJson());
    }

    public void indicator(IndicatorFixture indicator) {
        send("indicators", "indicator", indicator.documentId(), indicator.toJson());
    }

    public void extraction(ExtractionFixture extraction) {
        send("extractions", "extraction", extraction.documentId(), extraction.toJson());
    }

    /** Sends a record as is, without schema validation: for poison-record tests. */
    public void raw(String topic, String key, String value) {
        sendNow(topic, key, value);
    }

    private void send(String topic, String schema, String key, String json) {
        assertThat(EventSchemas.violations(schema, json)).as("fixture must follow %s.schema.json: %s", schema, json)
                .isEmpty();
        sendNow(topic, key, json);
    }

    private void sendNow(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
