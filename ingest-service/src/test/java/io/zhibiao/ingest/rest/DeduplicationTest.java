package io.zhibiao.ingest.rest;

import static io.zhibiao.ingest.IngestTestSupport.authorized;
import static io.zhibiao.ingest.IngestTestSupport.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.ingest.DocumentsTopic;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.ingest.messaging.DocumentTopic;
import io.zhibiao.testkit.EventSchemas;
import io.zhibiao.testkit.KafkaKraftResource;

/** Same normalized text, reextract, idempotency keys. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class DeduplicationTest {

    @BeforeEach
    void ready() {
        IngestTestSupport.awaitReady();
    }

    @Test
    void sameNormalizedTextIsADuplicate() {
        String text = uniqueText("重复") + " 第二段：粮食产量120万吨。";
        String id = post(text, 202);
        DocumentsTopic.forDocument(id);

        // other whitespace and full-width digits normalize (NFKC, whitespace collapsed) to the same text
        String variant = "\n  " + text.replace("356.8", "３５６.８").replace(" 第二段", "\r\n\t 第二段") + "\r\n";
        String again = authorized().contentType("text/plain; charset=utf-8").body(variant.getBytes())
                .post("/documents").then().statusCode(200)
                .body("status", equalTo("DUPLICATE"))
                .extract().path("id");
        assertThat(again).isEqualTo(id);

        // HTML whose text is the same document
        String html = authorized().contentType("application/json").body(Map.of("html", "<div><p>" + text + "</p></div>"))
                .post("/documents").then().statusCode(200).extract().path("id");
        assertThat(html).isEqualTo(id);

        assertThat(DocumentsTopic.forDocumentNow(id)).as("nothing new published").hasSize(1);
    }

    @Test
    void concurrentPostsOfOneDocumentPublishItOnce() throws Exception {
        String text = uniqueText("并发");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> authorized().contentType("text/plain; charset=utf-8")
                        .body(text.getBytes()).post("/documents")));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<io.restassured.response.Response> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS).statusCode());
                ids.add(answer.get().path("id"));
            }
            assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 200);
            assertThat(ids).hasSize(1);
            assertThat(DocumentsTopic.forDocument(ids.iterator().next())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reextractRepublishesUnderTheSameId() {
        String text = uniqueText("重提");
        String id = post(text, 202);

        String again = authorized().contentType("text/plain; charset=utf-8").queryParam("reextract", "true")
                .body(text.getBytes()).post("/documents")
                .then().statusCode(202).body("reextract", equalTo(true)).extract().path("id");

        assertThat(again).isEqualTo(id);
        List<ConsumerRecord<String, String>> records = awaitRecords(id, 2);
        assertThat(DocumentsTopic.parse(records.get(0).value()).get("reextract").asBoolean()).isFalse();
        assertThat(DocumentsTopic.parse(records.get(1).value()).get("reextract").asBoolean()).isTrue();
        assertThat(EventSchemas.violations("document", records.get(1).value())).isEmpty();
    }

    @Test
    void reextractOfAnUnknownDocumentIsANewDocument() {
        authorized().contentType("text/plain; charset=utf-8").queryParam("reextract", "true")
                .body(uniqueText("新提").getBytes()).post("/documents")
                .then().statusCode(202).body("reextract", equalTo(false));
    }

    @Test
    void idempotencyKeyReplaysTheAnswer() {
        String key = UUID.randomUUID().toString();
        String text = uniqueText("幂等");
        String id = authorized().header("Idempotency-Key", key).contentType("text/plain; charset=utf-8")
                .body(text.getBytes()).post("/documents")
                .then().statusCode(202).extract().path("id");

        authorized().header("Idempotency-Key", key).contentType("text/plain; charset=utf-8")
                .body(text.getBytes()).post("/documents")
                .then().statusCode(202)
                .header(DocumentAnswers.REPLAYED_HEADER, "true")
                .body("id", equalTo(id)).body("status", equalTo("PENDING"));

        List<ConsumerRecord<String, String>> records = DocumentsTopic.forDocument(id);
        assertThat(records).as("published once").hasSize(1);
        assertThat(DocumentsTopic.header(records.get(0), DocumentTopic.IDEMPOTENCY_KEY_HEADER)).contains(key);
    }

    @Test
    void idempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        authorized().header("Idempotency-Key", key).contentType("text/plain; charset=utf-8")
                .body(uniqueText("第一").getBytes()).post("/documents").then().statusCode(202);

        authorized().header("Idempotency-Key", key).contentType("text/plain; charset=utf-8")
                .body(uniqueText("第二").getBytes()).post("/documents")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("parameter", equalTo("Idempotency-Key"));
    }

    @Test
    void idempotencyKeyOfADuplicateReplaysTheDuplicate() {
        String text = uniqueText("幂重");
        String id = post(text, 202);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            authorized().header("Idempotency-Key", key).contentType("text/plain; charset=utf-8")
                    .body(text.getBytes()).post("/documents")
                    .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("DUPLICATE"));
        }
    }

    private static String post(String text, int status) {
        return authorized().contentType("text/plain; charset=utf-8").body(text.getBytes())
                .post("/documents").then().statusCode(status).extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String id, int count) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> DocumentsTopic.forDocumentNow(id), list -> list.size() >= count);
    }
}
