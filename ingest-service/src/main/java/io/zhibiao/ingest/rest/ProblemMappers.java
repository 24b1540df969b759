package io.zhibiao.ingest.rest;

import java.io.IOException;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.zhibiao.ingest.service.IngestProblem;

/** Every refusal as RFC 7807 problem JSON; bad input never becomes a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response problem(IngestProblem problem) {
        if (problem.status() >= 500) {
            LOG.warnf("answering %d: %s", problem.status(), problem.getMessage());
        }
        return problems.response(problem);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return problems.response(IngestProblem.parameter(415, "unsupported-media-type", "Unsupported media type",
                "Content-Type", "use application/json, application/x-ndjson, text/plain, text/html or multipart/form-data"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response problem = problems.response(IngestProblem.parameter(405, "method-not-allowed", "Method not allowed",
                "method", e.getMessage()));
        return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return problems.response(IngestProblem.parameter(status, "http-" + status, title, "request",
                e.getMessage() == null ? title : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return problems.response(IngestProblem.field(400, "malformed-json", "Malformed JSON", "body",
                e.getOriginalMessage()));
    }

    /** Reading the request failed: a truncated upload, a multipart body without its closing boundary. */
    @ServerExceptionMapper
    public Response unreadable(IOException e) {
        LOG.debugf("unreadable request body: %s", e.toString());
        return problems.response(IngestProblem.field(400, "malformed-body", "Malformed body", "body",
                "the request body could not be read: " + e.getMessage()));
    }

    @ServerExceptionMapper({ CircuitBreakerOpenException.class, TimeoutException.class })
    public Response unavailable(RuntimeException e) {
        return problems.response(IngestProblem.unavailable("Kafka is unavailable: " + e.getMessage(), e));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // a bug, not bad input: logged with its stack, answered as a problem all the same
        LOG.error("unexpected failure", e);
        return problems.response(IngestProblem.parameter(500, "internal-error", "Internal error", "request",
                "an unexpected error occurred; it has been logged"));
    }
}
