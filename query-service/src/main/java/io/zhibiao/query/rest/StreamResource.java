package io.zhibiao.query.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.service.IndicatorQueryService;

@Path("/stream")
@Tag(name = "indicators")
public class StreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final IndicatorQueryService service;

    public StreamResource(IndicatorQueryService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // the data of each event is JSON; set here rather than on each event, which would add a content-type line to it
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Watch new indicators",
            description = "Server-sent events: each indicator (shape of the indicator event) as it becomes current, that "
                    + "is once its document's extraction is complete and stored, filtered like GET /indicators. A "
                    + "re-extraction sends the document's new indicators again. Each event's id is its stream number; "
                    + "a client that reconnects with the header Last-Event-ID (EventSource does so by itself) or the "
                    + "parameter lastEventId first gets the current indicators it missed, then the live ones.")
    @APIResponse(responseCode = "200", description = "An endless stream; one JSON indicator per event, its id the stream number.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = IndicatorEvent.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public Multi<OutboundSseEvent> stream(@BeanParam IndicatorFilterParams filter,
                                          @HeaderParam(LAST_EVENT_ID) @Parameter(description = "The id of the last event "
                                                  + "received: resume after it.") String lastEventIdHeader,
                                          @QueryParam("lastEventId") @Parameter(description = "The same as the header "
                                                  + "Last-Event-ID, for clients that cannot set it; the header wins.")
                                          String lastEventIdParameter,
                                          @Context Sse sse) {
        boolean fromHeader = lastEventIdHeader != null && !lastEventIdHeader.isBlank();
        return service.stream(filter.toParameters(), fromHeader ? LAST_EVENT_ID : "lastEventId",
                        fromHeader ? lastEventIdHeader : lastEventIdParameter)
                .map(p -> sse.newEventBuilder()
                        .id(Long.toString(p.streamSeq()))
                        .data(IndicatorEvent.class, p.indicator())
                        .build());
    }
}
