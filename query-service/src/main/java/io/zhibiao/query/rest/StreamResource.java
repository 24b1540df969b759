package io.zhibiao.query.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.service.IndicatorQueryService;

@Path("/stream")
@Tag(name = "indicators")
public class StreamResource {

    private final IndicatorQueryService service;

    public StreamResource(IndicatorQueryService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Watch new indicators",
            description = "Server-sent events: each indicator (shape of the indicator event) as it becomes current, that "
                    + "is once its document's extraction is complete and stored, filtered like GET /indicators. A "
                    + "re-extraction sends the document's new indicators again.")
    @APIResponse(responseCode = "200", description = "An endless stream; one JSON indicator per event.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = IndicatorEvent.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public Multi<IndicatorEvent> stream(@BeanParam IndicatorFilterParams filter) {
        return service.stream(filter.toParameters());
    }
}
