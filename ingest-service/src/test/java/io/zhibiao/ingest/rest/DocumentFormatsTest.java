package io.zhibiao.ingest.rest;

import static io.zhibiao.ingest.IngestTestSupport.authorized;
import static io.zhibiao.ingest.IngestTestSupport.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.zhibiao.ingest.DocumentsTopic;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.testkit.EventSchemas;
import io.zhibiao.testkit.KafkaKraftResource;

/** Each accepted form and charset ends up on the topic as a valid UTF-8 document record. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class DocumentFormatsTest {

    private static final Charset GBK = Charset.forName("GBK");

    @BeforeEach
    void ready() {
        IngestTestSupport.awaitReady();
    }

    @Test
    void jsonTextWithMetadata() {
        String text = uniqueText("全市");
        String id = accepted(authorized().contentType("application/json")
                .body(Map.of("externalId", "gov-1", "title", "统计公报", "url", "https://tjj.example.gov.cn/a.html",
                        "publishedAt", "2024-03-01", "source", "市统计局", "regionHint", "杭州市", "text", text))
                .post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("externalId").asText()).isEqualTo("gov-1");
        assertThat(event.get("title").asText()).isEqualTo("统计公报");
        assertThat(event.get("url").asText()).isEqualTo("https://tjj.example.gov.cn/a.html");
        assertThat(event.get("publishedAt").asText()).isEqualTo("2024-03-01");
        assertThat(event.get("source").asText()).isEqualTo("市统计局");
        assertThat(event.get("regionHint").asText()).isEqualTo("杭州市");
        assertThat(event.get("contentType").asText()).isEqualTo("text/plain");
        assertThat(event.get("content").asText()).isEqualTo(text);
        assertThat(event.get("originalCharset").asText()).isEqualTo("UTF-8");
        assertThat(event.get("reextract").asBoolean()).isFalse();
    }

    @Test
    void jsonHtmlTakesItsTitleFromTheMarkup() {
        String html = "<html><head><title>一季度经济运行</title></head><body><p>" + uniqueText("一季度") + "</p></body></html>";
        String id = accepted(authorized().contentType("application/json").body(Map.of("html", html)).post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("contentType").asText()).isEqualTo("text/html");
        assertThat(event.get("content").asText()).isEqualTo(html);
        assertThat(event.get("title").asText()).isEqualTo("一季度经济运行");
    }

    @Test
    void plainTextWithQueryMetadata() {
        String text = uniqueText("全县");
        String id = accepted(authorized().contentType("text/plain; charset=UTF-8")
                .queryParam("externalId", "txt-1").queryParam("publishedAt", "2024年3月5日")
                .queryParam("title", "县政府工作报告")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("externalId").asText()).isEqualTo("txt-1");
        assertThat(event.get("publishedAt").asText()).isEqualTo("2024-03-05");
        assertThat(event.get("title").asText()).isEqualTo("县政府工作报告");
        assertThat(event.get("content").asText()).isEqualTo(text);
    }

    @Test
    void gbkHtmlPageWithMetaCharset() {
        String html = "<html><head><meta charset=\"gbk\"><title>统计公报</title></head><body><h1>公报</h1><p>"
                + uniqueText("全省") + "</p></body></html>";
        String id = accepted(authorized().contentType("text/html").body(html.getBytes(GBK)).post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("content").asText()).isEqualTo(html);
        assertThat(event.get("originalCharset").asText()).isEqualTo("GBK");
        assertThat(event.get("title").asText()).isEqualTo("统计公报");
        assertThat(event.get("contentType").asText()).isEqualTo("text/html");
    }

    @Test
    void gbkHtmlPageWithoutDeclarationIsDetected() {
        String html = "<html><body><h1>二〇二三年政府工作报告</h1><p>" + uniqueText("全区")
                + "全年一般公共预算收入完成28.6亿元，增长8.1%。城镇居民人均可支配收入达到52000元。</p></body></html>";
        String id = accepted(authorized().contentType("text/html").body(html.getBytes(GBK)).post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("content").asText()).isEqualTo(html);
        assertThat(event.get("originalCharset").asText()).isEqualTo("GBK");
        assertThat(event.get("title").asText()).as("from <h1>").isEqualTo("二〇二三年政府工作报告");
    }

    @Test
    void gb18030TextWithAFourByteCharacter() {
        String text = uniqueText("𠮷县") + "全县常住人口为52.3万人，城镇化率为61.5%。";
        String id = accepted(authorized().contentType("text/plain; charset=GB18030")
                .body(text.getBytes(Charset.forName("GB18030"))).post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("content").asText()).isEqualTo(text);
        assertThat(event.get("originalCharset").asText()).isEqualTo("GB18030");
    }

    @Test
    void big5TextIsDetected() {
        String text = "二零二三年全市實現地區生產總值二萬億元，按可比價格計算，比上年增長百分之五點六。"
                + "全年城鎮居民人均可支配收入達到七萬零二百八十一元，農村居民人均可支配收入為四萬五千元。編號"
                + System.nanoTime();
        String id = accepted(authorized().contentType("text/plain").body(text.getBytes(Charset.forName("Big5")))
                .post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("content").asText()).isEqualTo(text);
        assertThat(event.get("originalCharset").asText()).isEqualTo("Big5");
    }

    @Test
    void utf8WithByteOrderMark() {
        String text = uniqueText("全镇");
        byte[] body = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        String id = accepted(authorized().contentType("text/plain").body(body).post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("content").asText()).as("BOM removed").isEqualTo(text);
        assertThat(event.get("originalCharset").asText()).isEqualTo("UTF-8");
    }

    @Test
    void gbkJsonDeclaredInContentType() {
        String text = uniqueText("全州");
        String json = "{\"externalId\":\"gbk-json\",\"text\":\"" + text + "\"}";
        String id = accepted(authorized().contentType("application/json; charset=GBK").body(json.getBytes(GBK))
                .post("/documents"));

        JsonNode event = published(id);
        assertThat(event.get("content").asText()).isEqualTo(text);
        assertThat(event.get("originalCharset").asText()).isEqualTo("GBK");
    }

    @Test
    void multipartWithSeveralFiles() {
        String page = "<html><head><meta charset=gbk><title>网页</title></head><body>" + uniqueText("全市") + "</body></html>";
        String text = uniqueText("全县");
        String json = "{\"externalId\":\"upload-json\",\"text\":\"" + uniqueText("全乡") + "\"}";
        ExtractableResponse<Response> answer = authorized()
                .multiPart("file", "page.html", page.getBytes(GBK))
                .multiPart("file", "notes.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("other", "doc.json", json.getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("source", "crawler")
                .post("/documents")
                .then().statusCode(200)
                .body("accepted", equalTo(3)).body("refused", equalTo(0))
                .extract();

        List<String> ids = answer.jsonPath().getList("items.id");
        List<String> names = answer.jsonPath().getList("items.name");
        assertThat(names).containsExactlyInAnyOrder("page.html", "notes.txt", "doc.json");
        for (int i = 0; i < ids.size(); i++) {
            JsonNode event = published(ids.get(i));
            if (!names.get(i).equals("doc.json")) {
                assertThat(event.get("source").asText()).as("form field for text and HTML files").isEqualTo("crawler");
            }
            if (names.get(i).equals("page.html")) {
                assertThat(event.get("content").asText()).isEqualTo(page);
                assertThat(event.get("contentType").asText()).isEqualTo("text/html");
                assertThat(event.get("title").asText()).isEqualTo("网页");
            }
            if (names.get(i).equals("doc.json")) {
                assertThat(event.get("externalId").asText()).isEqualTo("upload-json");
            }
        }
    }

    private static String accepted(Response response) {
        return response.then()
                .statusCode(202)
                .header("Location", matchesPattern("http://127\\.0\\.0\\.1:8083/documents/[0-9a-f-]{36}"))
                .body("status", equalTo("PENDING"))
                .extract().path("id");
    }

    /** The one record for the id, after checking it against docs/events/document.schema.json. */
    private static JsonNode published(String id) {
        String value = DocumentsTopic.forDocument(id).get(0).value();
        assertThat(EventSchemas.violations("document", value)).isEmpty();
        JsonNode event = DocumentsTopic.single(id);
        assertThat(event.get("documentId").asText()).isEqualTo(id);
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        return event;
    }
}
