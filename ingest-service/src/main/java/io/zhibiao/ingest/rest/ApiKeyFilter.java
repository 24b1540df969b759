package io.zhibiao.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.service.IngestProblem;

/**
 * Writes need {@code Authorization: Bearer KEY} with one of {@code zhibiao.ingest.api-keys}:
 * 401 (with {@code WWW-Authenticate: Bearer}) without a key, 403 with a wrong one. Runs before
 * the body is read, so an unauthenticated upload costs nothing.
 */
public class ApiKeyFilter {

    private static final String BEARER = "bearer ";

    private final List<byte[]> keys;

    public ApiKeyFilter(IngestConfig config) {
        this.keys = config.apiKeys().stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /** Before matching, so that a request without a key learns nothing, not even a 415. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public void authorize(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw IngestProblem.parameter(401, "unauthorized", "API key required", "Authorization",
                    "send the API key as 'Authorization: Bearer KEY'");
        }
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).equalsIgnoreCase(BEARER)) {
            throw IngestProblem.parameter(401, "unauthorized", "API key required", "Authorization",
                    "the Authorization header must use the Bearer scheme: 'Authorization: Bearer KEY'");
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // constant-time comparison: the answer time must not reveal how much of a key matched
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(key, given);
        }
        if (!known) {
            throw IngestProblem.parameter(403, "forbidden", "Wrong API key", "Authorization",
                    "the API key is not valid for this service");
        }
    }
}
