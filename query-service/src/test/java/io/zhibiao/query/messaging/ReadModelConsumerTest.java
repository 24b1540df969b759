package io.zhibiao.query.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.support.Api;
import io.zhibiao.query.support.DeadLetters;
import io.zhibiao.query.support.DocumentFixture;
import io.zhibiao.query.support.ExtractionFixture;
import io.zhibiao.query.support.IndicatorFixture;
import io.zhibiao.query.support.TopicProducer;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * The consumers against a real broker and a real database: a document's stored indicators are
 * always exactly those of its latest complete extraction.
 */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReadModelConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopicProducer producer;

    @BeforeEach
    void open() {
        producer = new TopicProducer();
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void completeExtractionIsServedInTextOrder() {
        String doc = newId();
        producer.document(DocumentFixture.of(doc, "2023年醴陵市政府工作报告", "2023-01-10"));
        publish(doc, "x1", 3, "2026-11-23T08:01:00Z");

        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 3);
        assertThat(Api.eventIdsOf(doc)).containsExactly("x1-" + doc + ":0", "x1-" + doc + ":1", "x1-" + doc + ":2");
        given().get("/documents/" + doc).then().statusCode(200)
                .body("status", equalTo("EXTRACTED"))
                .body("indicatorCount", equalTo(3))
                .body("extractorVersion", equalTo("0.1.0"))
                .body("indicators.size()", equalTo(3));
    }

    @Test
    void extractionIsHiddenUntilAllItsEventsArrived() {
        String doc = newId();
        List<IndicatorFixture> events = events(doc, "x1", 3);
        producer.indicator(events.get(0));
        producer.indicator(events.get(1));
        producer.extraction(ExtractionFixture.extracted(doc, "x1-" + doc, 3, "2026-11-23T08:01:00Z"));
        barrier();
        assertThat(Api.eventIdsOf(doc)).isEmpty();
        given().get("/documents/" + doc).then().statusCode(200).body("status", equalTo("PENDING"));

        producer.indicator(events.get(2));
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 3);
    }

    @Test
    void completionRecordMayArriveBeforeTheEvents() {
        String doc = newId();
        producer.extraction(ExtractionFixture.extracted(doc, "x1-" + doc, 2, "2026-11-23T08:01:00Z"));
        barrier();
        events(doc, "x1", 2).forEach(producer::indicator);
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 2);
    }

    @Test
    void reextractionReplacesRowsOnlyWhenComplete() {
        String doc = newId();
        producer.document(DocumentFixture.of(doc, "2023年醴陵市政府工作报告", "2023-01-10"));
        publish(doc, "old", 2, "2026-11-23T08:01:00Z");
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 2);

        // the new run is arriving: the old rows stay served, never a mix
        producer.document(DocumentFixture.of(doc, "2023年醴陵市政府工作报告", "2023-01-10").reextracted("2026-11-23T09:00:00Z"));
        List<IndicatorFixture> fresh = events(doc, "new", 3);
        producer.indicator(fresh.get(0));
        producer.indicator(fresh.get(1));
        barrier();
        assertThat(Api.eventIdsOf(doc)).allMatch(id -> id.startsWith("old-")).hasSize(2);

        producer.indicator(fresh.get(2));
        producer.extraction(ExtractionFixture.extracted(doc, "new-" + doc, 3, "2026-11-23T09:01:00Z"));
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).stream().allMatch(id -> id.startsWith("new-")));
        assertThat(Api.eventIdsOf(doc)).hasSize(3);
        given().get("/documents/" + doc).then().body("indicatorCount", equalTo(3));
    }

    @Test
    void olderExtractionCompletingLateDoesNotReplaceNewerOne() {
        String doc = newId();
        publish(doc, "newer", 2, "2026-11-23T10:00:00Z");
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 2);

        publish(doc, "older", 4, "2026-11-23T09:00:00Z");
        barrier();
        assertThat(Api.eventIdsOf(doc)).hasSize(2).allMatch(id -> id.startsWith("newer-"));
    }

    @Test
    void redeliveredEventsAreNotDuplicated() {
        String doc = newId();
        publish(doc, "x1", 3, "2026-11-23T08:01:00Z");
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 3);

        // the producer retried everything: same eventIds, same completion
        publish(doc, "x1", 3, "2026-11-23T08:01:00Z");
        barrier();
        assertThat(Api.eventIdsOf(doc)).hasSize(3).doesNotHaveDuplicates();
        given().get("/documents/" + doc).then().body("indicatorCount", equalTo(3));
    }

    @Test
    void failedExtractionMarksTheDocumentFailed() {
        String doc = newId();
        producer.document(DocumentFixture.of(doc, "无法解析的文件", null));
        producer.extraction(ExtractionFixture.failed(doc, "x1-" + doc, "2026-11-23T08:01:00Z", "no text after cleaning"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/documents/" + doc).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", equalTo("no text after cleaning"))
                .body("indicatorCount", equalTo(0)));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithoutBlockingThePartition() {
        String marker = newId();
        producer.raw(ReadModelConsumer.INDICATORS, marker, "{not json " + marker);
        producer.raw(ReadModelConsumer.EXTRACTIONS, marker, "{\"schemaVersion\": 1, \"documentId\": \"" + marker + "\"}");
        String doc = newId();
        publish(doc, "x1", 1, "2026-11-23T08:01:00Z");
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 1);

        try (DeadLetters dlq = new DeadLetters("indicators-dlq", "extractions-dlq")) {
            await().atMost(WAIT).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> records = dlq.poll();
                assertThat(records).filteredOn(r -> marker.equals(r.key())).hasSize(2)
                        .allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
                assertThat(records).filteredOn(r -> marker.equals(r.key()) && r.topic().equals("indicators-dlq"))
                        .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("{not json " + marker));
            });
        }
    }

    @Test
    void poisonRecordInsideABatchOfGoodOnesSinksOnlyItself() {
        String before = newId();
        String after = newId();
        String marker = newId();
        // one burst, so the consumer polls these records together: the batch fails, then each record
        // is retried alone; the duplicate inside the burst must still be stored once
        events(before, "b1", 5).forEach(producer::indicator);
        producer.raw(ReadModelConsumer.INDICATORS, marker, "{\"schemaVersion\": 1, \"eventId\": \"" + marker + "\"}");
        List<IndicatorFixture> later = events(after, "b1", 5);
        later.forEach(producer::indicator);
        producer.indicator(later.get(2));
        producer.extraction(ExtractionFixture.extracted(before, "b1-" + before, 5, "2026-11-23T08:01:00Z"));
        producer.extraction(ExtractionFixture.extracted(after, "b1-" + after, 5, "2026-11-23T08:01:00Z"));

        await().atMost(WAIT).until(() -> Api.eventIdsOf(before).size() == 5 && Api.eventIdsOf(after).size() == 5);
        assertThat(Api.eventIdsOf(after)).doesNotHaveDuplicates();
        try (DeadLetters dlq = new DeadLetters("indicators-dlq")) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(dlq.poll()).filteredOn(r -> marker.equals(r.key()))
                    .singleElement().satisfies(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull()));
        }
    }

    @Test
    void offsetsAreCommittedUnderTheReadModelGroup() {
        barrier();
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(WAIT).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("zhibiao-query")
                        .partitionsToOffsetAndMetadata().get();
                assertThat(offsets.keySet()).extracting(TopicPartition::topic)
                        .contains(ReadModelConsumer.INDICATORS, ReadModelConsumer.EXTRACTIONS);
                assertThat(offsets.get(new TopicPartition(ReadModelConsumer.INDICATORS, 0)).offset()).isPositive();
            });
        }
    }

    /** Publishes {@code count} events and the completion of extraction {@code <run>-<doc>}. */
    private void publish(String doc, String run, int count, String completedAt) {
        events(doc, run, count).forEach(producer::indicator);
        producer.extraction(ExtractionFixture.extracted(doc, run + "-" + doc, count, completedAt));
    }

    private static List<IndicatorFixture> events(String doc, String run, int count) {
        return IntStream.range(0, count).mapToObj(i -> new IndicatorFixture(doc, run + "-" + doc, i)
                .quote((700 + i) + "亿元", "全市地区生产总值达到" + (700 + i) + "亿元。")
                .value((700 + i) * 1e8, "CNY")).toList();
    }

    /**
     * Waits until the consumers have processed everything sent so far: each topic has one
     * partition, so once a later document is served, every earlier record has been handled.
     */
    private void barrier() {
        String doc = newId();
        publish(doc, "barrier", 1, "2026-11-23T08:00:00Z");
        await().atMost(WAIT).until(() -> Api.eventIdsOf(doc).size() == 1);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
