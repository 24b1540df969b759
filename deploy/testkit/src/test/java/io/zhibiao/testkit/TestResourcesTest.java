package io.zhibiao.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The test resources start real servers that plain clients can use. */
class TestResourcesTest {

    @Test
    void kafkaResourceStartsABrokerThatTakesAndGivesBackARecord() throws Exception {
        KafkaKraftResource resource = new KafkaKraftResource();
        Map<String, String> config = resource.start();
        try {
            String bootstrap = config.get("kafka.bootstrap.servers");
            assertThat(bootstrap).startsWith("localhost:").doesNotEndWith(":9092");
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
                producer.send(new ProducerRecord<>("probe", "k", "指标")).get();
            }
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
                consumer.subscribe(List.of("probe"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        value = records.iterator().next().value();
                    }
                }
                assertThat(value).isEqualTo("指标");
            }
        } finally {
            resource.stop();
        }
    }

    @Test
    void postgresResourceStartsAServerThatAnswersSql() throws Exception {
        EmbeddedPostgresResource resource = new EmbeddedPostgresResource();
        Map<String, String> config = resource.start();
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                ResultSet rs = connection.createStatement().executeQuery("select 6 * 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        } finally {
            resource.stop();
        }
    }

    @Test
    void schemasAcceptAValidRecordAndNameWhatIsWrongInABadOne() {
        String good = "{\"schemaVersion\":1,\"documentId\":\"d1\",\"extractionId\":\"x1\",\"extractorVersion\":\"0.1.0\","
                + "\"status\":\"EXTRACTED\",\"indicatorCount\":3,\"completedAt\":\"2026-11-23T10:00:00Z\"}";
        assertThat(EventSchemas.violations("extraction", good)).isEmpty();
        String bad = good.replace("\"indicatorCount\":3", "\"indicatorCount\":-1");
        assertThat(EventSchemas.violations("extraction", bad)).anyMatch(m -> m.contains("indicatorCount"));
        assertThat(EventSchemas.violations("extraction", "{not json")).isNotEmpty();
    }
}
