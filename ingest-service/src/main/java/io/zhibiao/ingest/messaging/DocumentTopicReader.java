package io.zhibiao.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.repository.DocumentIndex;
import io.zhibiao.ingest.repository.DocumentIndex.IdempotentAnswer;

/**
 * Rebuilds the {@link DocumentIndex} from the {@code documents} topic at start-up (from the
 * beginning up to the end offsets of that moment; readiness stays DOWN until then), then keeps
 * reading, so that a record whose acknowledgement was lost, or one published by another ingest
 * instance, is known as soon as it is on the topic. A plain consumer without a group: every
 * instance reads everything and commits nothing.
 */
@ApplicationScoped
public class DocumentTopicReader {

    private static final Logger LOG = Logger.getLogger(DocumentTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaSettings kafka;
    private final IngestConfig config;
    private final DocumentIndex index;
    private final ObjectMapper json = new ObjectMapper();

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public DocumentTopicReader(KafkaSettings kafka, IngestConfig config, DocumentIndex index) {
        this.kafka = kafka;
        this.config = config;
        this.index = index;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "zhibiao-documents-index");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void run() {
        while (running) {
            try {
                if (config.createTopic()) {
                    ensureTopic();
                }
                readTopic();
            } catch (WakeupException e) {
                if (running) {
                    LOG.warnf("documents index reader woken up unexpectedly; restarting: %s", e.toString());
                }
            } catch (KafkaException | ExecutionException e) {
                LOG.warnf("cannot read topic %s yet (%s); retrying in %d s", config.topic(), e.toString(), RETRY.toSeconds());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void readTopic() {
        Map<String, Object> props = kafka.clientProperties("zhibiao-ingest-index");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int) Math.min(Integer.MAX_VALUE, 2 * config.maxDocumentBytes() + 1_048_576));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(props)) {
            consumer = reader;
            if (!running) {
                return;
            }
            List<PartitionInfo> infos = reader.partitionsFor(config.topic(), METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new KafkaException("topic " + config.topic() + " does not exist (yet)");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = reader.endOffsets(partitions, METADATA_TIMEOUT);
            LOG.infof("rebuilding the documents index from %s (%s)", config.topic(), endAtStart);
            while (running) {
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    apply(record);
                }
                if (!index.isRebuilt() && caughtUp(reader, endAtStart)) {
                    index.markRebuilt();
                    LOG.infof("documents index rebuilt: %d documents from %d records", index.documentCount(),
                            index.recordsSeen());
                }
            }
        } finally {
            consumer = null;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    private void apply(ConsumerRecord<String, String> record) {
        JsonNode event;
        try {
            event = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping record %s-%d@%d: not JSON (%s)", record.topic(), record.partition(), record.offset(),
                    e.getOriginalMessage());
            return;
        }
        if (event == null || !event.hasNonNull("documentId") || !event.hasNonNull("contentSha256")) {
            LOG.warnf("skipping record %s-%d@%d: no documentId or contentSha256", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        String id = event.get("documentId").asText();
        String sha = event.get("contentSha256").asText();
        index.remember(sha, id);
        String key = header(record, DocumentTopic.IDEMPOTENCY_KEY_HEADER);
        String fingerprint = header(record, DocumentTopic.REQUEST_FINGERPRINT_HEADER);
        if (key != null && fingerprint != null) {
            index.rememberAnswer(key, new IdempotentAnswer(fingerprint, 202, "PENDING", id, sha,
                    event.path("reextract").asBoolean(false)));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void ensureTopic() throws ExecutionException, InterruptedException {
        Admin admin = Admin.create(kafka.clientProperties("zhibiao-ingest-admin"));
        try {
            Set<String> names = admin.listTopics().names().get(METADATA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (names.contains(config.topic())) {
                return;
            }
            NewTopic topic = new NewTopic(config.topic(), config.topicPartitions(), (short) 1)
                    // documents are up to max-document-bytes, far beyond the broker's 1 MB default
                    .configs(Map.of("max.message.bytes", String.valueOf(2 * config.maxDocumentBytes() + 1_048_576)));
            admin.createTopics(List.of(topic)).all().get(METADATA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.infof("created topic %s", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Kafka did not answer within " + METADATA_TIMEOUT.toSeconds() + " s", e);
        } finally {
            // never wait for the admin's pending calls: the loop retries anyway
            admin.close(Duration.ZERO);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
