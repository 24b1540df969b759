package io.zhibiao.query.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/** The OpenAPI document describes every endpoint, its parameters and its answers. */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OpenApiTest {

    @Test
    void describesTheWholeApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/indicators", "/documents", "/documents/{id}", "/regions",
                        "/regions/{code}", "/series", "/stream"))
                .body("paths.'/indicators'.get.summary", notNullValue())
                .body("paths.'/indicators'.get.parameters.find { it.name == 'region' }.description", notNullValue())
                .body("paths.'/indicators'.get.parameters.find { it.name == 'region' }.example", equalTo("430281"))
                .body("paths.'/indicators'.get.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/series'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Series"))
                .body("components.schemas.Attainment.properties.met", notNullValue())
                .body("components.schemas.IndicatorPage.properties.items.type", equalTo("array"))
                // items are served from stored JSON, but described as what they are: indicator events
                .body("components.schemas.IndicatorPage.properties.items.items.'$ref'",
                        equalTo("#/components/schemas/IndicatorEvent"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
