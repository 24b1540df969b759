package io.zhibiao.extract.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.zhibiao.testkit.TopicWriter;

/** Plain Kafka clients for the tests: a producer of raw records and readers that scan a topic from its start. */
final class KafkaTestClients implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final TopicWriter writer;
    private final List<TopicReader> readers = new ArrayList<>();

    KafkaTestClients(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.writer = new TopicWriter(bootstrapServers);
    }

    void send(String topic, String key, byte[] value) {
        writer.send(topic, key, value);
    }

    TopicReader reader(String topic) {
        TopicReader reader = new TopicReader(topic);
        readers.add(reader);
        return reader;
    }

    @Override
    public void close() {
        readers.forEach(TopicReader::close);
        writer.close();
    }

    /** Reads one topic from the beginning, keeping every record, and waits for the records of one key. */
    final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        private TopicReader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
            // assign instead of subscribe: no group, no rebalance. partitionsFor asks the broker to create a missing
            // topic but answers empty until it exists, hence the wait.
            List<TopicPartition> partitions = new ArrayList<>();
            Awaitility.await().atMost(TIMEOUT).until(() -> {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                return !partitions.isEmpty();
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Polls until the records with this key satisfy the condition; returns them in log order. */
        List<ConsumerRecord<String, byte[]>> await(String key, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
            List<ConsumerRecord<String, byte[]>> result = new ArrayList<>();
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                result.clear();
                records.stream().filter(r -> key.equals(r.key())).forEach(result::add);
                return done.test(result);
            });
            return List.copyOf(result);
        }

        /** The records of this key read so far, after one more poll. */
        List<ConsumerRecord<String, byte[]>> current(String key) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records.stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
