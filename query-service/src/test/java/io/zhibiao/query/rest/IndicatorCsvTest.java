package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static io.zhibiao.query.support.ApiDataset.D1;
import static io.zhibiao.query.support.ApiDataset.D3;
import static io.zhibiao.query.support.ApiDataset.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.support.Api;
import io.zhibiao.query.support.ApiDataset;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/** GET /indicators with Accept: text/csv (the test profile streams in batches of 2 rows). */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IndicatorCsvTest {

    @BeforeEach
    void data() {
        ApiDataset.publish();
    }

    @Test
    void csvStartsWithBomAndHeader() {
        byte[] body = given().accept("text/csv").queryParam("documentId", D3).get("/indicators").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"indicators.csv\"")
                .extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text.substring(1)).startsWith("eventId,documentId,externalId,extractionId,extractorVersion,mentionIndex,"
                + "quote,spanStart,spanEnd,sentence,indicatorName,indicatorCode,value,unit,measureWord,kind,comparator,"
                + "status,periodStart,periodEnd,annualized,regionCode,regionName,regionLevel,regionParents,title,"
                + "publishedAt\r\n");
    }

    @Test
    void quotingFollowsRfc4180() throws IOException {
        List<CSVRecord> rows = parse(given().accept("text/csv").queryParam("documentId", D3).get("/indicators")
                .then().statusCode(200).extract().asByteArray());
        assertThat(rows).hasSize(2);
        CSVRecord quoted = rows.get(1);
        assertThat(quoted.get("eventId")).isEqualTo(id(D3, 1));
        assertThat(quoted.get("sentence")).isEqualTo(ApiDataset.QUOTED_SENTENCE);
        assertThat(quoted.get("value")).isEqualTo("-500000000");
        assertThat(quoted.get("regionParents")).isEqualTo("萍乡市/江西省");
        assertThat(quoted.get("measureWord")).isEmpty();
        String raw = new String(given().accept("text/csv").queryParam("documentId", D3).get("/indicators").asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(raw).contains("\"上栗县财政总收入比上年减少5亿元，被称为\"\"转型之痛\"\"。\"");
    }

    @Test
    void csvHoldsEveryRowNotOnePage() throws IOException {
        Map<String, String> filter = Map.of("region", "430000", "includeDescendants", "true", "sort", "value");
        List<String> json = Api.allIndicators(filter, 1000).stream().map(i -> (String) i.get("eventId")).toList();
        List<CSVRecord> rows = parse(given().accept("text/csv").queryParams(filter).queryParam("limit", 1)
                .get("/indicators").then().statusCode(200).extract().asByteArray());
        assertThat(rows).extracting(r -> r.get("eventId")).containsExactlyElementsOf(json);
        assertThat(rows.size()).isGreaterThan(2);
    }

    @Test
    void jsonStaysTheDefault() {
        given().queryParam("documentId", D1).get("/indicators").then().statusCode(200).contentType("application/json");
    }

    private static List<CSVRecord> parse(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
