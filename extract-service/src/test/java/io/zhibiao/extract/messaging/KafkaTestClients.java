package io.zhibiao.extract.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Plain Kafka clients for the tests: a producer of raw records and readers that scan a topic from its start. */
final class KafkaTestClients implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final List<TopicReader> readers = new ArrayList<>();

    KafkaTestClients(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    TopicReader reader(String topic) {
        TopicReader reader = new TopicReader(topic);
        readers.add(reader);
        return reader;
    }

    @Override
    public void close() {
        readers.forEach(TopicReader::close);
        producer.close();
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
