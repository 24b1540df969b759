package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static io.zhibiao.query.support.ApiDataset.D1;
import static io.zhibiao.query.support.ApiDataset.D2;
import static io.zhibiao.query.support.ApiDataset.D3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.zhibiao.query.support.ApiDataset;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DocumentResourceTest {

    @BeforeEach
    void data() {
        ApiDataset.publish();
    }

    @Test
    void documentHasMetadataStatusAndIndicators() {
        given().get("/documents/" + D1).then().statusCode(200)
                .body("id", equalTo(D1))
                .body("externalId", equalTo("ext-" + D1))
                .body("title", equalTo("2023年醴陵市政府工作报告"))
                .body("url", equalTo("https://www.liling.gov.cn/" + D1 + ".html"))
                .body("publishedAt", equalTo("2023-01-10"))
                .body("source", equalTo("醴陵市人民政府门户网站"))
                .body("receivedAt", equalTo("2026-11-23T08:00:00Z"))
                .body("status", equalTo("EXTRACTED"))
                .body("extractionId", equalTo("x-" + D1))
                .body("extractorVersion", equalTo("0.1.0"))
                .body("indicatorCount", equalTo(7))
                .body("error", nullValue())
                .body("region.code", equalTo("430281"))
                .body("indicators.size()", equalTo(7))
                .body("indicators[6].region.name", equalTo("江岸区"));
    }

    @Test
    void unknownDocumentIsProblem404() {
        given().get("/documents/no-such-document").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found"));
    }

    @Test
    void listPagesToTheEndWithoutDuplicates() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/documents").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(2).allSatisfy(d -> assertThat(d).doesNotContainKey("indicators"));
            items.forEach(d -> ids.add((String) d.get("id")));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates().contains(D1, D2, D3);
    }

    @Test
    void listFiltersByStatusAndTitle() {
        List<String> ids = given().queryParam("q", "萍乡市政府").queryParam("status", "EXTRACTED").get("/documents").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).contains(D3).doesNotContain(D1, D2);
        List<String> failed = given().queryParam("status", "FAILED").queryParam("limit", 1000).get("/documents").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(failed).doesNotContain(D1, D2, D3);
    }
}
