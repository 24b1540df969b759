package io.zhibiao.ingest.rest;

import static io.restassured.RestAssured.given;
import static io.zhibiao.ingest.IngestTestSupport.authorized;
import static io.zhibiao.ingest.IngestTestSupport.uniqueText;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.testkit.KafkaKraftResource;

/** Each refusal: the right status and an RFC 7807 problem naming what is wrong. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class DocumentRefusalsTest {

    @BeforeEach
    void ready() {
        IngestTestSupport.awaitReady();
    }

    @Test
    void withoutApiKey() {
        problem(given().contentType("text/plain").body(uniqueText("无钥")).post("/documents").then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("parameter", equalTo("Authorization"));
    }

    @Test
    void withWrongApiKey() {
        problem(given().header("Authorization", "Bearer wrong-key").contentType("text/plain").body(uniqueText("错钥"))
                .post("/documents").then(), 403)
                .body("parameter", equalTo("Authorization"));
    }

    @Test
    void withAnotherScheme() {
        problem(given().header("Authorization", "Basic bG9jYWwtZGV2LWtleTo=").contentType("text/plain")
                .body(uniqueText("基本")).post("/documents").then(), 401);
    }

    @Test
    void unsupportedMediaType() {
        problem(authorized().contentType("application/pdf").body(new byte[] { 1, 2, 3 }).post("/documents").then(), 415)
                .body("parameter", equalTo("Content-Type"));
    }

    @Test
    void noContentType() {
        problem(authorized().body(uniqueText("无类型").getBytes(StandardCharsets.UTF_8)).post("/documents").then(), 415)
                .body("parameter", equalTo("Content-Type"));
    }

    @Test
    void unsupportedCharset() {
        problem(authorized().contentType("text/plain; charset=koi8-r").body("2023".getBytes(StandardCharsets.US_ASCII))
                .post("/documents").then(), 415)
                .body("parameter", equalTo("charset"));
    }

    @Test
    void malformedJson() {
        problem(authorized().contentType("application/json").body("{\"text\": \"增长".getBytes(StandardCharsets.UTF_8))
                .post("/documents").then(), 400)
                .body("field", equalTo("body"));
    }

    @Test
    void jsonFieldOfTheWrongType() {
        problem(authorized().contentType("application/json").body("{\"text\": {\"a\": 1}}").post("/documents").then(), 422)
                .body("field", equalTo("text"));
    }

    @Test
    void unknownJsonField() {
        problem(authorized().contentType("application/json").body(Map.of("content", uniqueText("未知")))
                .post("/documents").then(), 422)
                .body("field", equalTo("content"));
    }

    @Test
    void missingText() {
        problem(authorized().contentType("application/json").body(Map.of("title", "只有标题")).post("/documents").then(), 422)
                .body("field", equalTo("text"));
    }

    @Test
    void emptyPlainText() {
        problem(authorized().contentType("text/plain").body("  \n ").post("/documents").then(), 422)
                .body("field", equalTo("body"));
    }

    @Test
    void textWithoutChineseOrDigits() {
        problem(authorized().contentType("text/plain").body("only latin words here").post("/documents").then(), 422)
                .body("type", containsString("no-chinese-text"))
                .body("field", equalTo("body"));
    }

    @Test
    void invalidDate() {
        problem(authorized().contentType("application/json")
                .body(Map.of("publishedAt", "2024-13-45", "text", uniqueText("日期"))).post("/documents").then(), 422)
                .body("field", equalTo("publishedAt"));
    }

    @Test
    void invalidDateAsQueryParameter() {
        problem(authorized().contentType("text/plain; charset=utf-8").queryParam("publishedAt", "yesterday")
                .body(uniqueText("日期").getBytes(StandardCharsets.UTF_8)).post("/documents").then(), 422)
                .body("field", equalTo("publishedAt"));
    }

    @Test
    void invalidUrl() {
        problem(authorized().contentType("application/json")
                .body(Map.of("url", "javascript:alert(1)", "text", uniqueText("网址"))).post("/documents").then(), 422)
                .body("field", equalTo("url"));
    }

    @Test
    void bothTextAndHtml() {
        problem(authorized().contentType("application/json")
                .body(Map.of("text", uniqueText("二者"), "html", "<p>增长</p>")).post("/documents").then(), 422)
                .body("field", equalTo("html"));
    }

    @Test
    void bodyNotInItsDeclaredCharset() {
        byte[] gbk = uniqueText("编码").getBytes(java.nio.charset.Charset.forName("GBK"));
        problem(authorized().contentType("text/plain; charset=utf-8").body(gbk).post("/documents").then(), 400)
                .body("parameter", equalTo("charset"));
    }

    @Test
    void overTheSizeLimit() {
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        Arrays.fill(big, (byte) '1');
        problem(authorized().contentType("text/plain").body(big).post("/documents").then(), 413)
                .body("field", equalTo("body"));
    }

    @Test
    void invalidReextractFlag() {
        problem(authorized().contentType("text/plain").queryParam("reextract", "maybe").body(uniqueText("标志"))
                .post("/documents").then(), 400)
                .body("parameter", equalTo("reextract"));
    }

    @Test
    void invalidIdempotencyKey() {
        problem(authorized().contentType("text/plain").header("Idempotency-Key", "k".repeat(300)).body(uniqueText("键"))
                .post("/documents").then(), 400)
                .body("parameter", equalTo("Idempotency-Key"));
    }

    @Test
    void binaryContent() {
        byte[] binary = new byte[200];
        Arrays.fill(binary, (byte) 1);
        binary[0] = '2';
        problem(authorized().contentType("text/plain; charset=utf-8").body(binary).post("/documents").then(), 422);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://zhibiao.io/problems/"))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }
}
