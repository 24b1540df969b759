package io.zhibiao.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.testkit.KafkaKraftResource;

/** The OpenAPI document describes every accepted form of POST /documents, with examples. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class OpenApiTest {

    private static final String BODY = "paths.'/documents'.post.requestBody.content";

    @Test
    void everyFormHasAnExample() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body(BODY + ".'application/json'.examples.text.value", notNullValue())
                .body(BODY + ".'application/json'.examples.html.value", notNullValue())
                .body(BODY + ".'application/x-ndjson'.examples.batch.value", notNullValue())
                .body(BODY + ".'text/plain'.examples.text.value", notNullValue())
                .body(BODY + ".'text/html'.examples.page.value", notNullValue())
                .body(BODY + ".'multipart/form-data'.examples.files.value", notNullValue())
                .body("paths.'/documents'.post.responses", hasKey("202"))
                .body("paths.'/documents'.post.responses", hasKey("503"))
                .body("components.securitySchemes", hasKey("apiKey"));
    }
}
