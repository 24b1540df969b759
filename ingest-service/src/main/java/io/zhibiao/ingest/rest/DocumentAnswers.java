package io.zhibiao.ingest.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.service.BatchItem;
import io.zhibiao.ingest.service.IngestResult;

/** The JSON answers of {@code POST /documents}: one document, or a batch answered per item. */
@ApplicationScoped
public class DocumentAnswers {

    /** Set on answers replayed for an {@code Idempotency-Key}. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IngestConfig config;
    private final Problems problems;

    public DocumentAnswers(IngestConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    public Response single(IngestResult result) {
        Response.ResponseBuilder answer = Response.status(result.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .location(location(result.id()))
                .entity(body(result));
        if (result.replayed()) {
            answer.header(REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    /**
     * A batch: always 200 (the request was processed; like WebDAV's 207 Multi-Status the body tells
     * each item's fate), with counts, and {@code Retry-After} when an item met an unavailable Kafka.
     */
    public Response batch(List<BatchItem> items) {
        int accepted = 0;
        int duplicates = 0;
        int refused = 0;
        boolean unavailable = false;
        List<Map<String, Object>> bodies = new java.util.ArrayList<>();
        for (BatchItem item : items) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("index", item.index());
            body.put("name", item.name());
            if (item.result() != null) {
                body.put("httpStatus", item.result().httpStatus());
                body.putAll(body(item.result()));
                if (item.result().httpStatus() == 202) {
                    accepted++;
                } else {
                    duplicates++;
                }
            } else {
                body.put("httpStatus", item.problem().status());
                body.put("status", "REFUSED");
                body.put("problem", item.problem().body());
                refused++;
                unavailable |= item.problem().status() == 503;
            }
            bodies.add(body);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted);
        answer.put("duplicates", duplicates);
        answer.put("refused", refused);
        answer.put("items", bodies);
        Response.ResponseBuilder response = Response.ok(answer, MediaType.APPLICATION_JSON_TYPE);
        if (unavailable) {
            response.header("Retry-After", problems.retryAfterSeconds());
        }
        return response.build();
    }

    private Map<String, Object> body(IngestResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", result.id());
        body.put("status", result.status());
        body.put("contentSha256", result.contentSha256());
        body.put("reextract", result.reextract());
        body.put("location", location(result.id()).toString());
        return body;
    }

    private URI location(String id) {
        String base = config.queryBaseUrl().endsWith("/")
                ? config.queryBaseUrl().substring(0, config.queryBaseUrl().length() - 1)
                : config.queryBaseUrl();
        return URI.create(base + "/documents/" + id);
    }
}
