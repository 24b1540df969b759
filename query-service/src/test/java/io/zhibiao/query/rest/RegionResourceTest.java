package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.support.ApiDataset;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RegionResourceTest {

    @BeforeEach
    void data() {
        ApiDataset.publish();
    }

    @Test
    void wholeGazetteerIsLoaded() {
        given().get("/regions").then().statusCode(200).body("$", hasSize(31)).body("[0].code", equalTo("110000"));
    }

    @Test
    void searchByShortNamePrefixFindsTheCountyWithItsParents() {
        given().queryParam("q", "醴陵").get("/regions").then().statusCode(200)
                .body("[0].code", equalTo("430281"))
                .body("[0].name", equalTo("醴陵市"))
                .body("[0].shortName", equalTo("醴陵"))
                .body("[0].level", equalTo("COUNTY"))
                .body("[0].parents.name", equalTo(List.of("株洲市", "湖南省")));
    }

    @Test
    void searchPutsGeneralDivisionsFirstAndHonoursLimit() {
        List<Map<String, Object>> found = given().queryParam("q", "萍乡").queryParam("limit", 3).get("/regions").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(found).hasSizeLessThanOrEqualTo(3);
        assertThat(found.get(0)).containsEntry("code", "360300").containsEntry("level", "PREFECTURE");
        assertThat(found).allSatisfy(r -> assertThat(
                ((String) r.get("name")).startsWith("萍乡") || ((String) r.get("shortName")).startsWith("萍乡")).isTrue());
    }

    @Test
    void searchOfFullNamePrefixWorksToo() {
        given().queryParam("q", "株洲市").get("/regions").then().statusCode(200).body("[0].code", equalTo("430200"));
        given().queryParam("q", "不存在的地方").get("/regions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void detailCountsIndicatorsOfTheRegionItsParentsAndChildren() {
        Map<String, Object> region = given().get("/regions/360300").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertThat(region).containsEntry("name", "萍乡市").containsEntry("level", "PREFECTURE")
                .containsEntry("indicatorCount", 1).containsEntry("totalIndicatorCount", 2);
        List<Map<String, Object>> parents = (List<Map<String, Object>>) region.get("parents");
        assertThat(parents).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("code", "360000").containsEntry("indicatorCount", 0);
            assertThat(((Number) p.get("totalIndicatorCount")).intValue()).isGreaterThanOrEqualTo(2);
        });
        List<Map<String, Object>> children = (List<Map<String, Object>>) region.get("children");
        assertThat(children).extracting(c -> c.get("code")).contains("360302", "360313", "360321", "360322", "360323");
        assertThat(children).filteredOn(c -> "360322".equals(c.get("code"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("indicatorCount", 1).containsEntry("totalIndicatorCount", 1));
        assertThat(children).filteredOn(c -> "360321".equals(c.get("code"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("totalIndicatorCount", 0));
    }

    @Test
    void townHasParentsUpToTheProvinceAndNoChildren() {
        given().get("/regions/430281004").then().statusCode(200)
                .body("name", equalTo("国瓷街道"))
                .body("parents.code", equalTo(List.of("430281", "430200", "430000")))
                .body("children", hasSize(0));
    }

    @Test
    void unknownRegionIsProblem404() {
        given().get("/regions/999999").then().statusCode(404).contentType("application/problem+json");
    }
}
