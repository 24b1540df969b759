package io.zhibiao.extract.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.event.IndicatorEvents;
import io.zhibiao.testkit.EventSchemas;
import io.zhibiao.testkit.KafkaKraftResource;

/** POST /extract answers what the engine gives on its own, and problem JSON for bad input. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class ExtractResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = fixture("fixtures/liling-synthetic.txt");

    @Inject
    ExtractionEngine engine;

    @Test
    void jsonDocumentGivesTheEnginesOwnEvents() throws IOException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("externalId", "liling-2023");
        request.put("title", "醴陵市2023年经济运行情况");
        request.put("publishedAt", "2024-01-20");
        request.put("text", TEXT);
        JsonNode response = JSON.readTree(given().contentType(ContentType.JSON).body(request)
                .when().post("/extract")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString());

        String documentId = response.get("documentId").asText();
        SourceDocument doc = new SourceDocument(documentId, "liling-2023", "醴陵市2023年经济运行情况", null,
                "2024-01-20", null, "text/plain", TEXT);
        String extractionId = IndicatorEvents.extractionId(doc, null);
        JsonNode expected = IndicatorEvents.mapper().valueToTree(IndicatorEvents.events(doc, engine.extract(doc), extractionId));

        assertThat(response.get("extractionId").asText()).isEqualTo(extractionId);
        assertThat(response.get("indicators")).isEqualTo(expected);
        assertThat(response.get("indicators")).as("the fixture states several figures").hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode event : response.get("indicators")) {
            assertThat(EventSchemas.violations("indicator", event.toString())).as(event.toString()).isEmpty();
        }
    }

    @Test
    void plainTextGivesTheSameAnswerAsJsonWithText() {
        String fromText = given().contentType(ContentType.TEXT.withCharset(StandardCharsets.UTF_8)).body(TEXT)
                .when().post("/extract")
                .then().statusCode(200).extract().asString();
        String fromJson = given().contentType(ContentType.JSON).body(Map.of("text", TEXT))
                .when().post("/extract")
                .then().statusCode(200).extract().asString();
        assertThat(fromText).isEqualTo(fromJson);
    }

    @Test
    void plainTextTakesMetadataFromQueryParameters() {
        given().contentType(ContentType.TEXT.withCharset(StandardCharsets.UTF_8)).body(TEXT)
                .queryParam("publishedAt", "2024-01-20").queryParam("title", "醴陵")
                .when().post("/extract")
                .then().statusCode(200)
                .body("publishedAt", equalTo("2024-01-20"))
                .body("indicators[0].title", equalTo("醴陵"));
    }

    @Test
    void htmlDocumentIsExtracted() {
        String html = "<html><body><h1>醴陵市</h1><p>" + TEXT.replace("\n", "</p><p>") + "</p></body></html>";
        given().contentType(ContentType.JSON).body(Map.of("html", html, "publishedAt", "2024-01-20"))
                .when().post("/extract")
                .then().statusCode(200)
                .body("extractionId", notNullValue())
                .body("indicators.size()", greaterThan(0));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", "{\"text\": ", 400, "invalid-json", null),
                Arguments.of("JSON array", "application/json", "[]", 400, "invalid-json", null),
                Arguments.of("text of the wrong type", "application/json", "{\"text\": {\"a\": 1}}", 400, "invalid-json", "text"),
                Arguments.of("empty JSON body", "application/json", "", 400, "invalid-document", null),
                Arguments.of("neither text nor html", "application/json", "{\"title\": \"x\"}", 400, "invalid-document", "text"),
                Arguments.of("both text and html", "application/json", "{\"text\": \"a\", \"html\": \"<p>a</p>\"}", 400, "invalid-document", "html"),
                Arguments.of("blank text", "application/json", "{\"text\": \"  \"}", 400, "invalid-document", "text"),
                Arguments.of("publishedAt not ISO", "application/json", "{\"text\": \"增长8%\", \"publishedAt\": \"26/03/2023\"}", 400, "invalid-document", "publishedAt"),
                Arguments.of("impossible publishedAt", "application/json", "{\"text\": \"增长8%\", \"publishedAt\": \"2023-02-30\"}", 400, "invalid-document", "publishedAt"),
                Arguments.of("blank plain text", "text/plain; charset=UTF-8", " \n ", 400, "invalid-document", "body"),
                Arguments.of("too long", "text/plain; charset=UTF-8", "增".repeat(200_001), 413, "content-too-large", "body"),
                Arguments.of("unsupported media type", "application/xml", "<doc/>", 415, "http-415", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsProblemJson(String name, String contentType, String body, int status, String type, String field) {
        var response = given().contentType(contentType).body(body)
                .when().post("/extract")
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://zhibiao.io/problems/" + type))
                .body("status", equalTo(status))
                .body("$", hasKey("title"))
                .body("detail", notNullValue());
        if (field != null) {
            response.body("field", equalTo(field));
        }
    }

    @Test
    void wrongMethodGetsProblemJson() {
        given().when().get("/extract")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://zhibiao.io/problems/http-405"));
    }

    @Test
    void readinessIsUpOnceTheEngineIsWarm() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'extraction-engine' }.data.extractorVersion", equalTo(ExtractionEngine.version()));
    }

    @Test
    void extractionsAreTimedInTheMetrics() {
        given().contentType(ContentType.JSON).body(Map.of("text", TEXT)).when().post("/extract").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("zhibiao_extract_duration_seconds_count{source=\"rest\"}"));
    }

    @Test
    void openApiDocumentsTheEndpointWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/extract'.post.requestBody.content.'application/json'.examples", hasKey("text"))
                .body("paths.'/extract'.post.responses.'400'.content.'application/problem+json'", notNullValue());
    }

    private static String fixture(String path) {
        try (InputStream in = ExtractResourceTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
