package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.service.IndicatorBroadcaster;
import io.zhibiao.query.support.Api;
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

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedThenTheLiveOnes() throws Exception {
        String filter = "?region=430211&code=ENTERPRISES";
        String docA = "sse-a-" + UUID.randomUUID();
        String docB = "sse-b-" + UUID.randomUUID();
        String docC = "sse-c-" + UUID.randomUUID();

        List<String[]> first;
        int before = broadcaster.subscribers();
        try (SseClient client = SseClient.open(URI.create(stream + filter), null)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broadcaster.subscribers() > before);
            publish(docA, 2);
            first = client.awaitEvents(e -> docA.equals(e.get("documentId")), 2);
        }
        assertThat(first).extracting(e -> e[0]).allMatch(id -> id.matches("\\d+"));
        assertThat(Long.parseLong(first.get(1)[0])).as("ids grow in text order").isGreaterThan(Long.parseLong(first.get(0)[0]));
        String lastSeen = first.get(1)[0];

        // promoted while the client was away
        publish(docB, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.allIndicators(Map.of("documentId", docB), 10).size() == 3);

        try (SseClient client = SseClient.open(URI.create(stream + filter), lastSeen)) {
            List<String[]> missed = client.awaitEvents(e -> docB.equals(e.get("documentId")), 3);
            assertThat(missed).extracting(e -> parse(e[1]).get("eventId"))
                    .containsExactly("x-" + docB + ":0", "x-" + docB + ":1", "x-" + docB + ":2");
            // then live, after the replay and numbered after it
            publish(docC, 1);
            List<String[]> live = client.awaitEvents(e -> docC.equals(e.get("documentId")), 1);
            assertThat(Long.parseLong(live.get(0)[0])).isGreaterThan(Long.parseLong(missed.get(2)[0]));
            assertThat(client.events()).as("nothing the client had already seen is sent again")
                    .noneMatch(e -> docA.equals(parse(e[1]).get("documentId")));
            List<Long> ids = client.events().stream().map(e -> Long.parseLong(e[0])).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(client.otherLines).as("events carry an id and JSON data, nothing else").isEmpty();
        }
    }

    @Test
    void anIdThisReadModelNeverGaveStillGetsTheLiveIndicators() {
        // e.g. the read model was rebuilt from the topics and numbers from 1 again, while a client kept an old id
        String doc = "sse-f-" + UUID.randomUUID();
        int before = broadcaster.subscribers();
        try (SseClient client = SseClient.open(URI.create(stream + "?documentId=" + doc), "999999999999")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broadcaster.subscribers() > before);
            publish(doc, 2);
            assertThat(client.awaitEvents(e -> doc.equals(e.get("documentId")), 2)).hasSize(2);
        }
    }

    @Test
    void aBadLastEventIdIsAProblemNamingTheHeader() {
        given().header("Last-Event-ID", "yesterday").accept("text/event-stream").get("/stream")
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("Last-Event-ID"));
    }

    private static void publish(String doc, int mentions) {
        try (TopicProducer producer = new TopicProducer()) {
            producer.document(DocumentFixture.of(doc, "2021年天元区政府工作报告", "2021-01-20"));
            for (int m = 0; m < mentions; m++) {
                producer.indicator(enterprises(doc, m));
            }
            producer.extraction(ExtractionFixture.extracted(doc, "x-" + doc, mentions, "2026-11-23T08:00:00Z"));
        }
    }

    /** A server-sent events reader: each event as {id, data}. */
    private static final class SseClient implements AutoCloseable {

        private final List<String[]> events = new CopyOnWriteArrayList<>();
        private final List<String> otherLines = new CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;
        private final CompletableFuture<Void> reader;

        private SseClient(URI uri, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            reader = response.thenAcceptAsync(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                String[] current = new String[2];
                try (Stream<String> lines = r.body()) {
                    lines.forEach(line -> {
                        if (line.startsWith("id:")) {
                            current[0] = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            current[1] = line.substring(5).trim();
                        } else if (!line.isEmpty()) {
                            otherLines.add(line);
                        }
                        if (line.isEmpty() && current[1] != null) {
                            events.add(new String[] {current[0], current[1]});
                            current[0] = null;
                            current[1] = null;
                        }
                    });
                }
            });
        }

        static SseClient open(URI uri, String lastEventId) {
            return new SseClient(uri, lastEventId);
        }

        List<String[]> events() {
            return events;
        }

        List<String[]> awaitEvents(Predicate<Map<String, Object>> which, int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().filter(e -> which.test(parse(e[1]))).count() >= count);
            return events.stream().filter(e -> which.test(parse(e[1]))).toList();
        }

        @Override
        public void close() {
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
