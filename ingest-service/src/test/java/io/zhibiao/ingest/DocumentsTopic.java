package io.zhibiao.ingest;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the {@code documents} topic with a plain consumer, as a subscriber would. */
public final class DocumentsTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentsTopic() {
    }

    /** Every record on the topic right now, in order. */
    public static List<ConsumerRecord<String, String>> all() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor("documents", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records published for one document id (waits a little for the first one). */
    public static List<ConsumerRecord<String, String>> forDocument(String id) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> all().stream().filter(r -> id.equals(r.key())).toList(), list -> !list.isEmpty());
    }

    /** The records for one document id now, without waiting. */
    public static List<ConsumerRecord<String, String>> forDocumentNow(String id) {
        return all().stream().filter(r -> id.equals(r.key())).collect(Collectors.toList());
    }

    /** The value of the only record of a document, parsed. */
    public static JsonNode single(String id) {
        List<ConsumerRecord<String, String>> records = forDocument(id);
        if (records.size() != 1) {
            throw new AssertionError("expected one record for " + id + ", found " + records.size());
        }
        return parse(records.get(0).value());
    }

    public static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("record is not JSON: " + value, e);
        }
    }

    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
