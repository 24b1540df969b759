package io.zhibiao.ingest.messaging;

import static io.zhibiao.ingest.IngestTestSupport.authorized;
import static io.zhibiao.ingest.IngestTestSupport.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.repository.DocumentIndex;
import io.zhibiao.ingest.service.ContentAnalyzer;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * What a restarted ingest knows: a fresh index, rebuilt by a fresh reader from the topic alone,
 * has the documents and the idempotency keys of the running one.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class DocumentIndexRebuildTest {

    @Inject
    KafkaSettings kafka;

    @Inject
    IngestConfig config;

    @Test
    void aFreshIndexIsRebuiltFromTheTopic() throws InterruptedException {
        IngestTestSupport.awaitReady();
        String text = uniqueText("重建");
        String key = UUID.randomUUID().toString();
        String id = authorized().header("Idempotency-Key", key).contentType("text/plain; charset=utf-8")
                .body(text.getBytes()).post("/documents").then().statusCode(202).extract().path("id");

        DocumentIndex fresh = new DocumentIndex();
        DocumentTopicReader reader = new DocumentTopicReader(kafka, config, fresh);
        reader.start(null);
        try {
            await().atMost(Duration.ofSeconds(30)).until(fresh::isRebuilt);
            assertThat(fresh.idFor(ContentAnalyzer.sha256(ContentAnalyzer.normalize(text)))).contains(id);
            assertThat(fresh.answerFor(key)).hasValueSatisfying(answer -> {
                assertThat(answer.documentId()).isEqualTo(id);
                assertThat(answer.httpStatus()).isEqualTo(202);
            });
        } finally {
            reader.stop(null);
        }
    }
}
