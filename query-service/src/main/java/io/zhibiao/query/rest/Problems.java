package io.zhibiao.query.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.service.BadParameterException;
import io.zhibiao.query.service.NotFoundException;

/** Answers errors as RFC 7807 problem JSON, whatever representation the client asked for. */
public class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** An RFC 7807 problem; {@code parameter} names the offending query parameter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Problem")
    public record Problem(
            @Schema(example = "https://zhibiao.io/problems/bad-parameter") String type,
            @Schema(example = "Bad parameter") String title,
            @Schema(example = "400") int status,
            @Schema(example = "limit must be an integer from 1 to 1000; got 0") String detail,
            @Schema(example = "/indicators") String instance,
            @Schema(example = "limit") String parameter) {
    }

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri) {
        return problem(new Problem("https://zhibiao.io/problems/bad-parameter", "Bad parameter", 400, e.getMessage(),
                uri.getPath(), e.parameter()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(new Problem("https://zhibiao.io/problems/not-found", "Not found", 404, e.getMessage(),
                uri.getPath(), null));
    }

    private Response problem(Problem problem) {
        try {
            // serialized here: the request may have asked for CSV or an event stream, which has no JSON writer
            return Response.status(problem.status()).type(PROBLEM_JSON).entity(mapper.writeValueAsString(problem)).build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("could not serialize a problem", ex);
        }
    }
}
