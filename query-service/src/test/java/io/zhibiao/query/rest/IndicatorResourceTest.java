package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static io.zhibiao.query.support.ApiDataset.D1;
import static io.zhibiao.query.support.ApiDataset.D2;
import static io.zhibiao.query.support.ApiDataset.D3;
import static io.zhibiao.query.support.ApiDataset.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.support.Api;
import io.zhibiao.query.support.ApiDataset;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IndicatorResourceTest {

    private static final Set<String> OURS = Set.of(D1, D2, D3);

    @BeforeEach
    void data() {
        ApiDataset.publish();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(Map.of("region", "430281"),
                        Set.of(id(D1, 0), id(D1, 1), id(D1, 2), id(D1, 4), id(D1, 5), id(D2, 0), id(D2, 1))),
                Arguments.of(Map.of("region", "430281", "includeDescendants", "true"),
                        Set.of(id(D1, 0), id(D1, 1), id(D1, 2), id(D1, 3), id(D1, 4), id(D1, 5), id(D2, 0), id(D2, 1))),
                Arguments.of(Map.of("region", "430200", "includeDescendants", "true"),
                        Set.of(id(D1, 0), id(D1, 1), id(D1, 2), id(D1, 3), id(D1, 4), id(D1, 5), id(D2, 0), id(D2, 1),
                                id(D2, 2))),
                Arguments.of(Map.of("region", "420000", "includeDescendants", "true"), Set.of(id(D1, 6), id(D2, 3))),
                Arguments.of(Map.of("region", "430200"), Set.of()),
                Arguments.of(Map.of("region", "360000", "includeDescendants", "true"), Set.of(id(D3, 0), id(D3, 1))),
                Arguments.of(Map.of("code", "FISCAL_REVENUE"), Set.of(id(D1, 3), id(D3, 1))),
                Arguments.of(Map.of("q", "电瓷"), Set.of(id(D1, 4))),
                Arguments.of(Map.of("q", "转型之痛"), Set.of(id(D3, 1))),
                Arguments.of(Map.of("q", "失业率"), Set.of(id(D1, 5), id(D2, 1))),
                // Latin letters match in any case; a word spanning the phrase and the sentence does not match
                Arguments.of(Map.of("q", "top100"), Set.of(id(D2, 2))),
                Arguments.of(Map.of("q", "TOP100"), Set.of(id(D2, 2))),
                Arguments.of(Map.of("q", "综合实力综合"), Set.of()),
                Arguments.of(Map.of("kind", "RANK"), Set.of(id(D2, 2))),
                Arguments.of(Map.of("kind", "CHANGE"), Set.of(id(D3, 1))),
                Arguments.of(Map.of("status", "TARGET"), Set.of(id(D1, 2), id(D1, 4), id(D2, 0), id(D2, 1), id(D2, 3))),
                Arguments.of(Map.of("periodFrom", "2023"), Set.of(id(D1, 2), id(D1, 4))),
                Arguments.of(Map.of("periodTo", "2020"), Set.of(id(D3, 0), id(D3, 1))),
                Arguments.of(Map.of("periodFrom", "2021", "periodTo", "2021"), Set.of(id(D2, 2))),
                Arguments.of(Map.of("documentId", D2), Set.of(id(D2, 0), id(D2, 1), id(D2, 2), id(D2, 3))),
                Arguments.of(Map.of("publishedFrom", "2022-01-01", "publishedTo", "2022-12-31"),
                        Set.of(id(D2, 0), id(D2, 1), id(D2, 2), id(D2, 3))),
                Arguments.of(Map.of("publishedFrom", "2023-01-10"), Set.of(id(D1, 0), id(D1, 1), id(D1, 2), id(D1, 3),
                        id(D1, 4), id(D1, 5), id(D1, 6))),
                Arguments.of(Map.of("region", "430281", "code", "GDP", "kind", "GROWTH_RATE", "status", "ACTUAL"),
                        Set.of(id(D1, 1))));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void filterFindsExactlyTheMatchingRows(Map<String, String> filter, Set<String> expected) {
        List<Map<String, Object>> items = Api.allIndicators(filter);
        assertThat(items.stream().filter(i -> OURS.contains(i.get("documentId"))).map(i -> (String) i.get("eventId")))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void itemHasTheShapeOfTheIndicatorEvent() throws Exception {
        given().queryParam("documentId", D1).queryParam("limit", 1).get("/indicators").then().statusCode(200)
                .contentType("application/json")
                .body("items[0].schemaVersion", equalTo(1))
                .body("items[0].eventId", equalTo(id(D1, 0)))
                .body("items[0].quote", equalTo("738亿元"))
                .body("items[0].span.start", equalTo(15))
                .body("items[0].span.end", equalTo(20))
                .body("items[0].indicator.name", equalTo("地区生产总值"))
                .body("items[0].indicator.code", equalTo("GDP"))
                .body("items[0].unit", equalTo("CNY"))
                .body("items[0].measureWord", nullValue())
                .body("items[0].period.start", equalTo(2022))
                .body("items[0].region.code", equalTo("430281"))
                .body("items[0].region.parents[0].name", equalTo("株洲市"))
                .body("items[0].region.parents[1].level", equalTo("PROVINCE"))
                .body("items[0].publishedAt", equalTo("2023-01-10"))
                .body("items[0].title", equalTo("2023年醴陵市政府工作报告"));
        // RestAssured reads numbers as floats; the exact value is checked with Jackson
        String body = given().queryParam("documentId", D1).queryParam("limit", 1).get("/indicators").asString();
        assertThat(new ObjectMapper().readTree(body).at("/items/0/value").doubleValue()).isEqualTo(73_800_000_000d);
    }

    @Test
    void defaultOrderIsNewestDocumentFirstThenTextOrder() {
        List<String> ids = Api.allIndicators(Map.of("q", "。"), 1000)
                .stream().filter(i -> Set.of(D1, D2).contains(i.get("documentId"))).map(i -> (String) i.get("eventId"))
                .toList();
        assertThat(ids).containsExactly(id(D1, 0), id(D1, 1), id(D1, 2), id(D1, 3), id(D1, 4), id(D1, 5), id(D1, 6),
                id(D2, 0), id(D2, 1), id(D2, 2), id(D2, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-publishedAt", "publishedAt", "value", "-value", "period", "-period"})
    void paginationReachesTheEndWithoutGapsOrDuplicates(String sort) {
        Map<String, String> filter = Map.of("region", "430000", "includeDescendants", "true", "sort", sort);
        List<Map<String, Object>> whole = Api.allIndicators(filter, 1000);
        List<Map<String, Object>> paged = Api.allIndicators(filter, 3);
        assertThat(paged).extracting(i -> i.get("eventId")).doesNotHaveDuplicates()
                .containsExactlyElementsOf(whole.stream().map(i -> i.get("eventId")).toList());
        assertThat(whole).hasSizeGreaterThanOrEqualTo(9);
        Comparator<Double> direction = sort.startsWith("-") ? Comparator.reverseOrder() : Comparator.naturalOrder();
        if (sort.endsWith("value")) {
            assertThat(whole.stream().map(i -> ((Number) i.get("value")).doubleValue()).toList()).isSortedAccordingTo(direction);
        }
    }

    @Test
    void lastPageHasNoCursor() {
        given().queryParam("documentId", D3).queryParam("limit", 2).get("/indicators").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", nullValue());
        String cursor = given().queryParam("documentId", D1).queryParam("limit", 4).get("/indicators").then()
                .statusCode(200).body("items.size()", equalTo(4)).extract().path("nextCursor");
        given().queryParam("documentId", D1).queryParam("limit", 4).queryParam("cursor", cursor).get("/indicators").then()
                .statusCode(200).body("items.size()", equalTo(3)).body("items[0].eventId", equalTo(id(D1, 4)))
                .body("nextCursor", nullValue());
    }

    @Test
    void cursorOfAnotherSortIsRejected() {
        String cursor = given().queryParam("documentId", D1).queryParam("limit", 2).get("/indicators").then()
                .extract().path("nextCursor");
        given().queryParam("documentId", D1).queryParam("sort", "value").queryParam("cursor", cursor).get("/indicators")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("cursor"));
    }
}
