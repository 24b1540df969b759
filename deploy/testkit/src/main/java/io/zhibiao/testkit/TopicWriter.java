package io.zhibiao.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;


/**
 * A plain Kafka producer for tests, as any client outside the services would use: each send waits
 * for the broker's acknowledgement ({@code acks=all}), and {@link #sendChecked} first validates the
 * record against its event schema, so fixtures are exactly what the real producers publish.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TopicWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Validates {@code json} against {@code events/<record>.schema.json}, then sends it.
     *
     * @throws AssertionError naming the violations when the fixture does not follow the contract
     */
    public void sendChecked(String topic, String record, String key, String json) {
        Set<String> violations = EventSchemas.violations(record, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("fixture must follow " + record + ".schema.json: " + violations + " in " + json);
        }
        send(topic, key, json);
    }

    /** Sends a record as is, without validation: for poison-record tests. */
    public void send(String topic, String key, String value) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes as the value (random bytes, invalid UTF-8…). */
    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
