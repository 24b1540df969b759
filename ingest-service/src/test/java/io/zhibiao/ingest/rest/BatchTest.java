package io.zhibiao.ingest.rest;

import static io.zhibiao.ingest.IngestTestSupport.authorized;
import static io.zhibiao.ingest.IngestTestSupport.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.zhibiao.ingest.DocumentsTopic;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.testkit.EventSchemas;
import io.zhibiao.testkit.KafkaKraftResource;

/** NDJSON and multipart batches answer per item; bad items do not sink the others. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class BatchTest {

    @BeforeEach
    void ready() {
        IngestTestSupport.awaitReady();
    }

    @Test
    void ndjsonWithBadLines() {
        String first = uniqueText("批一");
        String ndjson = String.join("\n",
                "{\"externalId\":\"b-1\",\"text\":\"" + first + "\"}",
                "{\"externalId\":\"b-2\",\"text\":",
                "",
                "{\"externalId\":\"b-3\",\"html\":\"<p>" + uniqueText("批三") + "</p>\"}",
                "{\"externalId\":\"b-4\",\"text\":\"no chinese at all\"}",
                "{\"externalId\":\"b-5\",\"text\":\"" + first + "\"}",
                "{\"externalId\":\"b-6\",\"publishedAt\":\"2024-02-30\",\"text\":\"" + uniqueText("批六") + "\"}") + "\n";

        JsonPath answer = authorized().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/documents").then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("refused", equalTo(3))
                .extract().jsonPath();

        assertThat(answer.getList("items.name")).containsExactly("line 1", "line 2", "line 4", "line 5", "line 6", "line 7");
        assertThat(answer.getList("items.httpStatus", Integer.class)).containsExactly(202, 400, 202, 422, 200, 422);
        assertThat(answer.getString("items[1].problem.field")).isEqualTo("body");
        assertThat(answer.getString("items[3].problem.field")).isEqualTo("text");
        assertThat(answer.getString("items[5].problem.field")).isEqualTo("publishedAt");
        assertThat(answer.getString("items[4].id")).isEqualTo(answer.getString("items[0].id"));
        for (String id : List.of(answer.getString("items[0].id"), answer.getString("items[2].id"))) {
            String value = DocumentsTopic.forDocument(id).get(0).value();
            assertThat(EventSchemas.violations("document", value)).isEmpty();
        }
    }

    @Test
    void ndjsonRetriedWithAnIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        String ndjson = "{\"text\":\"" + uniqueText("批幂一") + "\"}\n{\"text\":\"" + uniqueText("批幂二") + "\"}\n";
        List<String> ids = authorized().header("Idempotency-Key", key).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/documents")
                .then().statusCode(200).body("accepted", equalTo(2)).extract().path("items.id");

        List<String> again = authorized().header("Idempotency-Key", key).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/documents")
                .then().statusCode(200).body("accepted", equalTo(2)).extract().path("items.id");

        assertThat(again).isEqualTo(ids);
        for (String id : ids) {
            assertThat(DocumentsTopic.forDocument(id)).hasSize(1);
        }
    }

    @Test
    void emptyBatchIsRefused() {
        authorized().contentType("application/x-ndjson").body("\n\n".getBytes(StandardCharsets.UTF_8)).post("/documents")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void multipartWithABadFile() {
        JsonPath answer = authorized()
                .multiPart("file", "good.txt", uniqueText("文件").getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "empty.txt", "   ".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "latin.html", "<p>hello world</p>".getBytes(StandardCharsets.UTF_8), "text/html")
                .multiPart("file", "scan.pdf", new byte[] { '%', 'P', 'D', 'F' }, "application/pdf")
                .post("/documents").then().statusCode(200)
                .body("accepted", equalTo(1)).body("refused", equalTo(3))
                .extract().jsonPath();

        assertThat(answer.getList("items.httpStatus", Integer.class)).containsExactly(202, 422, 422, 415);
        assertThat(answer.getString("items[3].problem.parameter")).isEqualTo("Content-Type");
    }

    @Test
    void multipartWithoutFiles() {
        authorized().multiPart("source", "nothing").post("/documents")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("file"));
    }
}
