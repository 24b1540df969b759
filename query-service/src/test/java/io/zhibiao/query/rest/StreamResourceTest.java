package io.zhibiao.query.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.service.IndicatorBroadcaster;
import io.zhibiao.query.support.DocumentFixture;
import io.zhibiao.query.support.ExtractionFixture;
import io.zhibiao.query.support.IndicatorFixture;
import io.zhibiao.query.support.Regions;
import io.zhibiao.query.support.TopicProducer;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/** GET /stream: indicators arrive as server-sent events once promoted, filtered like GET /indicators. */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StreamResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestHTTPResource("/stream")
    URI stream;

    @Inject
    IndicatorBroadcaster broadcaster;

    @Test
    void promotedIndicatorsArriveFiltered() throws Exception {
        int before = broadcaster.subscribers();
        List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream
                        + "?region=430200&includeDescendants=true&code=ENTERPRISES&status=ACTUAL"))
                .header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reader = response.thenAcceptAsync(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> received.add(parse(l.substring(5).trim())));
            }
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> broadcaster.subscribers() > before);

            String doc = "sse-" + UUID.randomUUID();
            try (TopicProducer producer = new TopicProducer()) {
                producer.document(DocumentFixture.of(doc, "2021年天元区政府工作报告", "2021-01-20"));
                // mention 0 does not match (a target), mention 1 does, mention 2 is outside 株洲
                producer.indicator(enterprises(doc, 0).status("TARGET"));
                producer.indicator(enterprises(doc, 1));
                producer.indicator(enterprises(doc, 2).region(Regions.HUNAN));
                producer.extraction(ExtractionFixture.extracted(doc, "x-" + doc, 3, "2026-11-23T08:00:00Z"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(e -> doc.equals(e.get("documentId"))));
            // promotion publishes a document's indicators in text order: had the filter let mention 0 through,
            // it would be there already
            assertThat(received).filteredOn(e -> doc.equals(e.get("documentId")))
                    .extracting(e -> e.get("eventId")).containsExactly("x-" + doc + ":1");
            Map<String, Object> event = received.stream().filter(e -> doc.equals(e.get("documentId"))).findFirst().orElseThrow();
            assertThat(event).containsEntry("schemaVersion", 1).containsEntry("quote", "37家")
                    .containsEntry("measureWord", "家");
            assertThat((Map<String, Object>) event.get("region")).containsEntry("code", "430211");
        } finally {
            reader.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    private static IndicatorFixture enterprises(String doc, int mention) {
        return new IndicatorFixture(doc, "x-" + doc, mention).published("2021年天元区政府工作报告", "2021-01-20")
                .quote("37家", "新增规模以上企业37家。").indicator("规模以上企业", "ENTERPRISES").value(37, "COUNT")
                .measureWord("家").kind("CHANGE").region(Regions.TIANYUAN).period(2020, 2020);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
