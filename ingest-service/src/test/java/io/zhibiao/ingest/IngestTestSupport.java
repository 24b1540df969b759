package io.zhibiao.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;

/** What the REST tests share: an authorized request, readiness, unique Chinese texts. */
public final class IngestTestSupport {

    public static final String API_KEY = "local-dev-key";

    private IngestTestSupport() {
    }

    /** An authorized request that sends bodies exactly as given (no charset added by RestAssured). */
    public static RequestSpecification authorized() {
        return given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT)))
                .header("Authorization", "Bearer " + API_KEY);
    }

    /** Waits until ingest is ready (index rebuilt, Kafka reachable). */
    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** A Chinese sentence unique to this call, so tests never collide through deduplication. */
    public static String uniqueText(String about) {
        return "2023年" + about + "实现地区生产总值356.8亿元，同比增长6.2%。编号" + UUID.randomUUID() + "。";
    }
}
