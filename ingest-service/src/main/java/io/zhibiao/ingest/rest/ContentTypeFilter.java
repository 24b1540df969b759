package io.zhibiao.ingest.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.zhibiao.ingest.service.IngestProblem;

/**
 * Refuses a {@code Content-Type} that is not even a media type (415) before the framework tries to
 * match it, which would otherwise fail with an internal error.
 */
public class ContentTypeFilter {

    @ServerRequestFilter(preMatching = true, priority = Priorities.HEADER_DECORATOR)
    public void checkContentType(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return;
        }
        try {
            MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw IngestProblem.parameter(415, "unsupported-media-type", "Unsupported media type", "Content-Type",
                    "'" + header + "' is not a media type: " + e.getMessage());
        }
    }
}
