package io.zhibiao.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.service.IngestProblem;

/** Renders {@link IngestProblem}s as RFC 7807 {@code application/problem+json} responses. */
@ApplicationScoped
public class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json = new ObjectMapper();
    private final IngestConfig config;

    public Problems(IngestConfig config) {
        this.config = config;
    }

    public Response response(IngestProblem problem) {
        String body;
        try {
            // serialized here: the problem+json media type must not depend on a writer's media types
            body = json.writeValueAsString(problem.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(body);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"zhibiao\"");
        }
        if (problem.status() == 503) {
            response.header("Retry-After", retryAfterSeconds());
        }
        return response.build();
    }

    public long retryAfterSeconds() {
        return Math.max(1, config.retryAfter().toSeconds());
    }
}
