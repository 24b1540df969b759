package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static io.zhibiao.query.support.ApiDataset.D1;
import static io.zhibiao.query.support.ApiDataset.D2;
import static io.zhibiao.query.support.ApiDataset.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
class SeriesResourceTest {

    @BeforeEach
    void data() {
        ApiDataset.publish();
    }

    @Test
    void growthTargetAgainstReportedGrowth() {
        JsonPath series = given().queryParam("code", "GDP").queryParam("kind", "GROWTH_RATE").queryParam("region", "430281")
                .get("/series").then().statusCode(200)
                .body("code", equalTo("GDP"))
                .body("kind", equalTo("GROWTH_RATE"))
                .body("region", equalTo("430281"))
                .body("points", hasSize(2))
                .body("points[0].year", equalTo(2022))
                .body("points[0].region.name", equalTo("醴陵市"))
                .body("points[0].unit", equalTo("PERCENT"))
                .body("points[0].actual.source.eventId", equalTo(id(D1, 1)))
                .body("points[0].actual.source.documentId", equalTo(D1))
                .body("points[0].actual.source.title", equalTo("2023年醴陵市政府工作报告"))
                .body("points[0].actual.source.quote", equalTo("8.5%"))
                .body("points[0].actual.source.sentence", equalTo("全市地区生产总值增长8.5%。"))
                .body("points[0].target.source.eventId", equalTo(id(D2, 0)))
                .body("points[0].attainment.rule", equalTo("AT_LEAST"))
                .body("points[0].attainment.met", equalTo(true))
                // 2023: a target, no result yet
                .body("points[1].year", equalTo(2023))
                .body("points[1].actual", nullValue())
                .body("points[1].target.source.eventId", equalTo(id(D1, 2)))
                .body("points[1].attainment", nullValue())
                .extract().jsonPath();
        assertThat(series.getDouble("points[0].actual.value")).isEqualTo(8.5);
        assertThat(series.getDouble("points[0].target.value")).isEqualTo(8.0);
        assertThat(series.getDouble("points[0].attainment.ratio")).isCloseTo(1.0625, within(1e-6));
        assertThat(series.getDouble("points[0].attainment.difference")).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void levelTargetAgainstLevelReached() {
        JsonPath series = given().queryParam("code", "GDP").queryParam("region", "420102").get("/series").then()
                .statusCode(200)
                .body("kind", equalTo("LEVEL"))
                .body("points", hasSize(1))
                .body("points[0].region.code", equalTo("420102"))
                .body("points[0].target.comparator", equalTo("GE"))
                .body("points[0].attainment.met", equalTo(true))
                .extract().jsonPath();
        assertThat(series.getDouble("points[0].attainment.ratio")).isCloseTo(310.0 / 300.0, within(1e-6));
    }

    @Test
    void ceilingTargetIsMetWhenTheActualStaysBelow() {
        given().queryParam("indicator", "城镇调查失业率").queryParam("region", "430281").get("/series").then()
                .statusCode(200)
                .body("indicator", equalTo("城镇调查失业率"))
                .body("points", hasSize(1))
                .body("points[0].attainment.rule", equalTo("AT_MOST"))
                .body("points[0].attainment.met", equalTo(true));
    }

    @Test
    void descendantsGiveOnePointPerRegion() {
        // other suites may add figures elsewhere under 株洲: only the shape and 醴陵's own points are asserted
        List<Map<String, Object>> points = given().queryParam("code", "GDP").queryParam("region", "430200")
                .queryParam("includeDescendants", "true").queryParam("kind", "GROWTH_RATE").get("/series").then()
                .statusCode(200).body("includeDescendants", equalTo(true)).extract().jsonPath().getList("points");
        assertThat(points).extracting(p -> (String) ((Map<String, Object>) p.get("region")).get("code"))
                .allMatch(code -> code.startsWith("4302"))
                .filteredOn("430281"::equals).hasSize(2);
        List<String> own = given().queryParam("code", "GDP").queryParam("region", "430200").queryParam("kind", "GROWTH_RATE")
                .get("/series").then().statusCode(200).extract().jsonPath().getList("points.region.code");
        assertThat(own).allMatch("430200"::equals);
    }

    @Test
    void targetWithoutResultAndPeriodFilter() {
        given().queryParam("indicator", "电瓷产业年产值").queryParam("region", "430281").queryParam("periodFrom", "2024")
                .get("/series").then().statusCode(200)
                .body("points", hasSize(1))
                .body("points[0].year", equalTo(2025))
                .body("points[0].actual", nullValue())
                .body("points[0].actuals", hasSize(0))
                .body("points[0].targets", hasSize(1));
    }
}
