package io.zhibiao.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.zhibiao.ingest.config.IngestConfig;

/**
 * Publishes document records and returns only once Kafka has acknowledged them (idempotent
 * producer, {@code acks=all}).
 * <p>
 * A plain {@link KafkaProducer} rather than a SmallRye {@code MutinyEmitter}: the answer to the
 * caller depends on one record's fate, so ingest needs a hard bound on it. The producer's
 * {@code delivery.timeout.ms} is the publish timeout, and the caller waits a little longer than
 * that, so the producer has always given up on a record before ingest answers 503: a refused
 * request never lands on the topic afterwards, and its retry cannot create a second id. The
 * emitter's buffer and its own retries would blur exactly that. Headers (the idempotency key) are
 * also plainer to set here.
 */
@ApplicationScoped
public class DocumentPublisher {

    /** Margin beyond the producer's delivery timeout, for its own bookkeeping. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(2);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Duration wait;

    public DocumentPublisher(KafkaSettings kafka, IngestConfig config) {
        this.topic = config.topic();
        long deliveryMs = Math.max(2000, config.publishTimeout().toMillis());
        this.wait = Duration.ofMillis(deliveryMs).plus(WAIT_MARGIN);
        Map<String, Object> props = kafka.clientProperties("zhibiao-ingest-publisher");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (deliveryMs / 2));
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // a send() blocked on metadata has not queued the record: safe to refuse
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs / 2);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, 2 * config.maxDocumentBytes() + 1_048_576));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Sends one record and waits for its acknowledgement.
     *
     * @throws PublishException        when Kafka did not acknowledge it; the record is then not on the topic
     * @throws RecordTooLargeException when the record exceeds what the topic accepts
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 3, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = RecordTooLargeException.class)
    public RecordMetadata publish(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            Future<RecordMetadata> ack = producer.send(record);
            return ack.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                // the record's fault, not Kafka's: no 503, and the circuit stays closed
                throw tooLarge;
            }
            throw new PublishException("Kafka did not acknowledge the record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no acknowledgement from Kafka within " + wait.toSeconds() + " s", e);
        } catch (KafkaException e) {
            throw new PublishException("Kafka refused the record: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for Kafka", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
