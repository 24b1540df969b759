package io.zhibiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The user's path through the whole stack: {@code deploy/local/up.sh} on free ports, the five seed
 * documents posted to ingest as text/plain, their indicators read back from the query API and
 * compared with what the extraction engine gives for the same files on its own, then
 * {@code down.sh} leaving no port open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_002 = "002_8dd0f41d2bd9aac4";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path root = Path.of(System.getProperty("zhibiao.root", "../..")).toAbsolutePath().normalize();
    private final Path seeds = root.resolve("../shared/seeds").normalize();
    private final Map<String, String> documentIds = new LinkedHashMap<>();
    private LocalStack stack;

    @BeforeAll
    void startStack() throws Exception {
        if (Files.isDirectory(seeds)) {
            stack = LocalStack.start(root, root.resolve("deploy/e2e/target/e2e-run"));
        }
    }

    /** Each test says why it is skipped (an assumption in @BeforeAll would make them vanish from the report). */
    @BeforeEach
    void requireSeeds() {
        assumeTrue(Files.isDirectory(seeds), "skipped: " + seeds + " is absent (the seed documents live in ../shared/seeds)");
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void postingTheSeedsAnswers202WithALocationOnTheQueryService() throws Exception {
        for (Path seed : seedFiles()) {
            HttpResponse<String> answer = postText(seed, "");
            assertThat(answer.statusCode()).as("POST %s: %s", seed.getFileName(), answer.body()).isEqualTo(202);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("status").asText()).isEqualTo("PENDING");
            String id = body.path("id").asText();
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith(":" + stack.queryPort + "/documents/" + id));
            documentIds.put(baseName(seed), id);
            if (baseName(seed).equals(SEED_002)) {
                // the promise of the README: a few seconds after the 202, the indicators are queryable
                await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                        .until(() -> status(id).equals("EXTRACTED"));
            }
        }
        for (String id : documentIds.values()) {
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(id).equals("EXTRACTED"));
        }
    }

    @Test
    @Order(2)
    void theQueryServiceListsWhatTheEngineGivesOnItsOwn() throws Exception {
        for (Map.Entry<String, String> doc : documentIds.entrySet()) {
            List<String> served = fingerprints(allIndicators(doc.getValue()));
            List<String> engine = fingerprints(engineOnItsOwn(seeds.resolve(doc.getKey() + ".txt")));
            assertThat(served).as("indicators of %s", doc.getKey()).isEqualTo(engine);
            JsonNode document = get("/documents/" + doc.getValue());
            assertThat(document.path("indicatorCount").asInt()).isEqualTo(engine.size());
        }
        assertThat(fingerprints(allIndicators(documentIds.get(SEED_002)))).isNotEmpty();
    }

    @Test
    @Order(3)
    void postingTheSameTextAgainIsRecognizedAndReextractionReplacesRatherThanDuplicates() throws Exception {
        Path seed = seeds.resolve(SEED_002 + ".txt");
        String id = documentIds.get(SEED_002);
        List<String> before = fingerprints(allIndicators(id));

        HttpResponse<String> duplicate = postText(seed, "");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(200);
        assertThat(JSON.readTree(duplicate.body()).path("id").asText()).isEqualTo(id);

        HttpResponse<String> again = postText(seed, "?reextract=true");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("id").asText()).isEqualTo(id);
        await().during(2, TimeUnit.SECONDS).atMost(30, TimeUnit.SECONDS)
                .until(() -> status(id).equals("EXTRACTED") && fingerprints(allIndicators(id)).equals(before));
    }

    @Test
    @Order(4)
    void downLeavesNoPortOpen() throws Exception {
        assumeTrue(stack != null, "skipped: the stack was not started");
        List<Integer> ports = stack.ports();
        stack.close();
        stack = null;
        assertThat(ports).noneMatch(LocalStack::listening);
    }

    private List<Path> seedFiles() throws IOException {
        try (Stream<Path> files = Files.list(seeds)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private HttpResponse<String> postText(Path file, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + stack.ingestPort + "/documents" + query))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("Authorization", "Bearer e2e-key")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String status(String documentId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.queryPort + "/documents/" + documentId)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("status").asText() : "ABSENT";
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.queryPort + pathAndQuery)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as("GET %s: %s", pathAndQuery, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Every page of {@code GET /indicators?documentId=…}, following nextCursor. */
    private List<JsonNode> allIndicators(String documentId) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/indicators?documentId=" + documentId + "&limit=20"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** The events of {@code java -jar extract-service/target/zhibiao-extract.jar FILE}. */
    private List<JsonNode> engineOnItsOwn(Path file) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder("java", "-jar",
                root.resolve("extract-service/target/zhibiao-extract.jar").toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    /** What must agree between the served events and the engine's: everything but ids. */
    private static List<String> fingerprints(List<JsonNode> events) {
        return events.stream()
                .map(e -> String.join("|", e.path("mentionIndex").asText(), e.path("quote").asText(),
                        e.path("span").path("start").asText(), e.path("indicator").path("name").asText(),
                        e.path("indicator").path("code").asText(), e.path("value").asText(), e.path("unit").asText(),
                        e.path("kind").asText(), e.path("comparator").asText(), e.path("status").asText(),
                        e.path("period").path("start").asText(), e.path("period").path("end").asText(),
                        e.path("region").path("code").asText()))
                .sorted()
                .toList();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
