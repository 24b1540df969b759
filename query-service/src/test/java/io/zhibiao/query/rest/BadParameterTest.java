package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/** Every bad parameter is a problem JSON 400 naming it (cases/bad-parameters.tsv), never a 500. */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BadParameterTest {

    @ParameterizedTest(name = "{0}?{1} -> {2} ({3})")
    @CsvFileSource(resources = "/cases/bad-parameters.tsv", delimiter = '\t', quoteCharacter = '\0')
    void answersProblemNamingTheParameter(String path, String query, String parameter, String note) {
        RequestSpecification request = given();
        if (!"-".equals(query)) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                request = request.queryParam(pair.substring(0, eq), control(pair.substring(eq + 1)));
            }
        }
        String accept = path.equals("/stream") ? "text/event-stream" : "application/json";
        request.accept(accept).get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad parameter"))
                .body("type", notNullValue())
                .body("detail", notNullValue())
                .body("parameter", equalTo(parameter));
    }

    @ParameterizedTest(name = "CSV: {0}")
    @CsvFileSource(resources = "/cases/bad-parameters.tsv", delimiter = '\t', quoteCharacter = '\0')
    void csvExportValidatesTheSameWay(String path, String query, String parameter, String note) {
        if (!path.equals("/indicators")) {
            return;
        }
        RequestSpecification request = given();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            request = request.queryParam(pair.substring(0, eq), control(pair.substring(eq + 1)));
        }
        request.accept("text/csv").get(path).then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter));
    }

    /** The file names control characters, which a TSV cell cannot hold, as {@code <LF>}, {@code <TAB>}, {@code <NUL>}. */
    private static String control(String value) {
        return value.replace("<LF>", "\n").replace("<TAB>", "\t").replace("<NUL>", "\u0000");
    }
}
