package io.zhibiao.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.zhibiao.ingest.IngestTestSupport;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * 1,200 malformed requests from a fixed seed (random bytes, truncated and deeply nested JSON, huge
 * fields, invalid UTF-8, wrong content types, broken multipart and NDJSON): never a 5xx, and
 * ingest is still ready afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class FuzzTest {

    private static final long SEED = 20261123L;
    private static final int REQUESTS = 1200;

    private static final String VALID = "{\"externalId\":\"f-1\",\"title\":\"统计公报\",\"url\":\"https://example.gov.cn/a\","
            + "\"publishedAt\":\"2024-03-01\",\"text\":\"2023年全市生产总值20059亿元，增长5.6%。\"}";
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/x-ndjson", "text/plain", "text/plain; charset=utf-8", "text/html", "text/html; charset=gbk",
            "application/xml", "application/octet-stream", "multipart/form-data", "multipart/form-data; boundary=zz",
            "text/plain; charset=no-such-charset", "text/plain; charset=\"", ";;;", "application/json; charset=big5",
            "image/png", "text/*");

    private static final String MUTATIONS = "{}[]\":,\\\u0000x1";

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformedRequestsNeverCauseA5xx() throws IOException, InterruptedException {
        IngestTestSupport.awaitReady();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int kind = i % 9;
            String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            byte[] body = switch (kind) {
                case 0 -> randomBytes(random.nextInt(4096));
                case 1 -> truncatedJson();
                case 2 -> nestedJson();
                case 3 -> hugeField();
                case 4 -> invalidUtf8();
                case 5 -> VALID.getBytes(StandardCharsets.UTF_8);
                case 6 -> ndjson();
                case 7 -> brokenMultipart();
                default -> mutatedJson();
            };
            if (kind == 1 || kind == 2 || kind == 3 || kind == 8) {
                contentType = random.nextInt(4) == 0 ? contentType : "application/json";
            } else if (kind == 4) {
                contentType = random.nextBoolean() ? "text/plain; charset=utf-8" : "application/json; charset=UTF-8";
            } else if (kind == 6) {
                contentType = "application/x-ndjson";
            } else if (kind == 7) {
                contentType = "multipart/form-data; boundary=" + (random.nextBoolean() ? "zz" : "other");
            }
            int status = send(contentType, body, i);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                serverErrors.add("request " + i + " (kind " + kind + ", " + contentType + "): " + status);
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(statuses.keySet()).contains(400, 415, 422);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        IngestTestSupport.awaitReady();
    }

    private int send(String contentType, byte[] body, int i) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/documents"
                + (i % 7 == 0 ? "?publishedAt=" + (i % 2 == 0 ? "2024-02-30" : "%E4%BB%8A%E5%A4%A9") : "")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + IngestTestSupport.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (i % 11 == 0) {
            request.header("Idempotency-Key", "fuzz-" + (i % 3));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] truncatedJson() {
        return VALID.substring(0, random.nextInt(VALID.length())).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nestedJson() {
        int depth = 1000 + random.nextInt(50_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        StringBuilder json = new StringBuilder(depth * open.length() + 2);
        json.append(open.repeat(depth));
        json.append("1");
        if (random.nextBoolean()) {
            json.append((open.equals("[") ? "]" : "}").repeat(depth));
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] hugeField() {
        String field = List.of("title", "externalId", "url", "source", "regionHint", "publishedAt", "text", "html",
                "unknown").get(random.nextInt(9));
        String value = (random.nextBoolean() ? "数" : "a").repeat(10_000 + random.nextInt(200_000));
        String json = "{\"" + field + "\":\"" + value + "\"" + (field.equals("text") ? "" : ",\"text\":\"增长\"") + "}";
        if (field.equals("text") || field.equals("html")) {
            // a huge valid text is a document, not a fuzz case: make it invalid
            json = json.replace("\"" + field + "\":\"", "\"" + field + "\":[\"");
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            valid[random.nextInt(valid.length)] = (byte) (0x80 + random.nextInt(0x40));
        }
        return valid;
    }

    private byte[] ndjson() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            byte[] line = switch (random.nextInt(4)) {
                case 0 -> truncatedJson();
                case 1 -> mutatedJson();
                case 2 -> "{\"text\":\"no chinese\"}".getBytes(StandardCharsets.UTF_8);
                default -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            };
            lines.append(new String(line, StandardCharsets.UTF_8).replace('\n', ' ')).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] brokenMultipart() {
        String part = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + new String(randomBytes(64), StandardCharsets.ISO_8859_1);
        String body = switch (random.nextInt(3)) {
            case 0 -> part;
            case 1 -> part + "\r\n--zz--\r\n";
            default -> "--zz\r\nContent-Disposition: garbage\r\n\r\n";
        };
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] mutatedJson() {
        char[] chars = VALID.toCharArray();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            chars[random.nextInt(chars.length)] = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
        }
        return new String(chars).getBytes(StandardCharsets.UTF_8);
    }
}
