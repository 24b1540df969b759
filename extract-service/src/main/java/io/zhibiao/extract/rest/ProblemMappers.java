package io.zhibiao.extract.rest;

import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.zhibiao.extract.mapping.ContentTooLargeException;
import io.zhibiao.extract.mapping.InvalidDocumentException;
import io.zhibiao.extract.service.ExtractionFailedException;

/** Every error of the REST API as RFC 7807 problem JSON; bad input is a 4xx, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidDocument(InvalidDocumentException e) {
        if (e instanceof ContentTooLargeException) {
            return problem(Problem.of("content-too-large", "Content too large", 413, e.getMessage(), e.field()));
        }
        return problem(Problem.of("invalid-document", "Invalid document", 400, e.getMessage(), e.field()));
    }

    /** Malformed JSON or a value of the wrong type; Quarkus throws some of these bare and wraps others. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return problem(Problem.of("invalid-json", "Invalid JSON", 400, e.getOriginalMessage(), field(e)));
    }

    /** Overrides Quarkus' own mapper for this exact type, which answers without a body outside dev mode. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(Problem.of("http-" + status, title, status, e.getMessage(), null));
    }

    /** The engine broke on a valid document: a server fault, reported as such rather than hidden. */
    @ServerExceptionMapper
    public Response extractionFailed(ExtractionFailedException e) {
        LOG.error("Extraction failed on a REST request", e);
        return problem(Problem.of("extraction-failed", "Extraction failed", 500, e.getMessage(), null));
    }

    /** Anything else is a bug of ours: logged with its stack, answered as problem JSON like every other error. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error on a REST request", e);
        return problem(Problem.of("internal-error", "Internal error", 500, "an unexpected error occurred; see the service log", null));
    }

    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return null;
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
