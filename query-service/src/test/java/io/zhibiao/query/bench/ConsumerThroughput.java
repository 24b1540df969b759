package io.zhibiao.query.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.bench.SyntheticReadModel.Mention;
import io.zhibiao.query.messaging.ReadModelConsumer;
import io.zhibiao.testkit.EventSchemas;

/**
 * Events per second into the read model through Kafka, on top of the loaded million rows, with two
 * baselines on the same events in the same run: a do-nothing consumer that only reads and parses
 * the topic, and plain batched JDBC inserts of the same rows.
 */
final class ConsumerThroughput {

    /** The measured rates, in events per second. */
    record Result(int events, double readModel, double rawKafka, double jdbcBatch) {
    }

    private static final String VERSION = "bench-consumer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final Connection connection;
    /** Kinds of record already checked against docs/events: the first of each, so the benchmark feeds what the pipeline sends. */
    private final Set<String> validated = new HashSet<>();

    ConsumerThroughput(String bootstrapServers, Connection connection) {
        this.bootstrapServers = bootstrapServers;
        this.connection = connection;
    }

    Result measure(SyntheticReadModel model, int events, Duration timeout) throws Exception {
        List<List<Mention>> documents = new ArrayList<>();
        int total = 0;
        while (total < events) {
            List<Mention> mentions = model.newMentions(Math.min(20, events - total));
            documents.add(mentions);
            total += mentions.size();
        }
        List<ProducerRecord<String, String>> records = records(documents);

        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            records.forEach(producer::send);
            producer.flush();
        }
        long deadline = start + timeout.toNanos();
        while (currentRows() < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read model holds " + currentRows() + " of " + total
                        + " events after " + timeout);
            }
            Thread.sleep(20);
        }
        double readModel = total / ((System.nanoTime() - start) / 1e9);
        return new Result(total, readModel, rawKafka(total), jdbcBatch(documents));
    }

    private List<ProducerRecord<String, String>> records(List<List<Mention>> documents) throws JsonProcessingException {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (List<Mention> mentions : documents) {
            Mention first = mentions.get(0);
            String documentId = first.document().id();
            records.add(record(ReadModelConsumer.DOCUMENTS, "document", documentId, document(first)));
            for (Mention m : mentions) {
                records.add(record(ReadModelConsumer.INDICATORS, "indicator", documentId, m.event(VERSION)));
            }
            records.add(record(ReadModelConsumer.EXTRACTIONS, "extraction", documentId, extraction(first, mentions.size())));
        }
        return records;
    }

    private ProducerRecord<String, String> record(String topic, String schema, String key, Map<String, Object> value)
            throws JsonProcessingException {
        String json = JSON.writeValueAsString(value);
        if (validated.add(schema) && !EventSchemas.violations(schema, json).isEmpty()) {
            throw new IllegalStateException(schema + " record does not match its schema: "
                    + EventSchemas.violations(schema, json) + " " + json);
        }
        return new ProducerRecord<>(topic, key, json);
    }

    private static Map<String, Object> document(Mention m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("schemaVersion", 1);
        d.put("documentId", m.document().id());
        d.put("title", m.title());
        d.put("publishedAt", m.document().published().toString());
        d.put("contentType", "text/plain");
        d.put("content", m.sentence());
        d.put("contentSha256", sha256(m.document().id()));
        d.put("receivedAt", Instant.now().toString());
        d.put("reextract", false);
        return d;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, Object> extraction(Mention m, int count) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("schemaVersion", 1);
        e.put("documentId", m.document().id());
        e.put("extractionId", m.extractionId());
        e.put("extractorVersion", VERSION);
        e.put("status", "EXTRACTED");
        e.put("indicatorCount", count);
        e.put("title", m.title());
        e.put("publishedAt", m.document().published().toString());
        e.put("completedAt", Instant.now().toString());
        return e;
    }

    private KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private int currentRows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM indicators WHERE current AND extractor_version = ?")) {
            ps.setString(1, VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Reads the indicators topic from the start and parses every record, doing nothing else. */
    private double rawKafka(int total) throws JsonProcessingException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(ReadModelConsumer.INDICATORS));
            long start = System.nanoTime();
            int read = 0;
            while (read < total) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (JSON.readTree(r.value()).path("extractorVersion").asText().equals(VERSION)) {
                        read++;
                    }
                }
                if (System.nanoTime() - start > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException("raw consumer read " + read + " of " + total);
                }
            }
            return total / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Inserts the same rows (under other ids) with batched JDBC, 500 a transaction, then removes them. */
    private double jdbcBatch(List<List<Mention>> documents) throws SQLException, JsonProcessingException {
        String sql = "INSERT INTO indicators (event_id, document_id, extraction_id, extractor_version, current, mention_index, "
                + "quote, span_start, span_end, sentence, indicator_name, indicator_code, value, unit, measure_word, kind, "
                + "comparator, status, period_start, period_end, annualized, region_code, region_name, region_level, "
                + "region_parents, region_path, published_at, title, event_json) "
                + "VALUES (?, ?, ?, 'bench-jdbc', true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::text[], ?, ?, ?)";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int total = 0;
        long start = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int pending = 0;
            for (List<Mention> mentions : documents) {
                for (Mention m : mentions) {
                    int i = 0;
                    ps.setString(++i, "jdbc-" + m.eventId());
                    ps.setString(++i, "jdbc-" + m.document().id());
                    ps.setString(++i, "jdbc-" + m.extractionId());
                    ps.setInt(++i, m.index());
                    ps.setString(++i, m.quote());
                    ps.setInt(++i, m.spanStart());
                    ps.setInt(++i, m.spanStart() + m.quote().length());
                    ps.setString(++i, m.sentence());
                    ps.setString(++i, m.name());
                    ps.setString(++i, m.code());
                    ps.setDouble(++i, m.value());
                    ps.setString(++i, m.unit());
                    ps.setString(++i, m.measureWord());
                    ps.setString(++i, m.kind());
                    ps.setString(++i, m.comparator());
                    ps.setString(++i, m.status());
                    ps.setInt(++i, m.periodStart());
                    ps.setInt(++i, m.periodEnd());
                    ps.setBoolean(++i, m.annualized());
                    ps.setString(++i, m.region().code());
                    ps.setString(++i, m.region().name());
                    ps.setString(++i, m.region().level());
                    ps.setString(++i, m.region().parentsJson());
                    ps.setString(++i, m.region().path());
                    ps.setObject(++i, m.document().published());
                    ps.setString(++i, m.title());
                    // the served JSON, serialized here as the service serializes it on consumption
                    ps.setString(++i, JSON.writeValueAsString(m.event("bench-jdbc")));
                    ps.addBatch();
                    total++;
                    if (++pending == 500) {
                        ps.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
            }
            ps.executeBatch();
            connection.commit();
            double rate = total / ((System.nanoTime() - start) / 1e9);
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("DELETE FROM indicators WHERE extractor_version = 'bench-jdbc'");
                connection.commit();
            }
            return rate;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
