package io.zhibiao.ingest.rest;

import static io.restassured.RestAssured.given;
import static io.zhibiao.ingest.IngestTestSupport.authorized;
import static io.zhibiao.ingest.IngestTestSupport.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.zhibiao.ingest.DocumentsTopic;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.ingest.service.ContentAnalyzer;
import io.zhibiao.testkit.InjectKafkaCluster;
import io.zhibiao.testkit.KafkaKraftResource;

/** The broker stopped during the test: 503 with Retry-After, then accepted again, nothing lost or doubled. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class KafkaOutageTest {

    @InjectKafkaCluster
    KafkaClusterTestKit cluster;

    @Test
    void unavailableWhileTheBrokerIsDownThenAcceptedOnceItIsBack() {
        IngestTestSupport.awaitReady();
        String before = post(uniqueText("停机前")).then().statusCode(202).extract().path("id");

        String text = uniqueText("停机中");
        cluster.brokers().get(0).shutdown();
        try {
            post(text).then()
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            cluster.brokers().get(0).startup();
        }

        // the client retries as Retry-After says, until Kafka is back and the circuit closes
        Response accepted = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post(text), response -> response.statusCode() != 503);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = accepted.path("id");
        IngestTestSupport.awaitReady();

        String sha = ContentAnalyzer.sha256(ContentAnalyzer.normalize(text));
        List<ConsumerRecord<String, String>> records = DocumentsTopic.all();
        Map<String, List<String>> idsBySha = records.stream().collect(Collectors.groupingBy(
                r -> DocumentsTopic.parse(r.value()).get("contentSha256").asText(),
                Collectors.mapping(ConsumerRecord::key, Collectors.toList())));
        assertThat(idsBySha.get(sha)).as("the refused attempt left nothing, the accepted one is there once")
                .containsExactly(id);
        assertThat(records.stream().filter(r -> r.key().equals(before))).as("nothing lost").hasSize(1);
        assertThat(idsBySha.values()).as("no content published under two ids")
                .allSatisfy(ids -> assertThat(ids.stream().distinct()).hasSize(1));
    }

    private static Response post(String text) {
        return authorized().contentType("text/plain; charset=utf-8").body(text.getBytes(StandardCharsets.UTF_8))
                .post("/documents");
    }
}
