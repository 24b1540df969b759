package io.zhibiao.query.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.zhibiao.query.mapping.IndicatorCsv;
import io.zhibiao.query.service.IndicatorQueryService;
import io.zhibiao.query.service.IndicatorQueryService.IndicatorQuery;

@Path("/indicators")
@Tag(name = "indicators")
public class IndicatorResource {

    private final IndicatorQueryService service;

    public IndicatorResource(IndicatorQueryService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search indicators",
            description = "Current indicators (those of each document's latest complete extraction) matching every given "
                    + "filter, one page at a time. Items have the shape of the indicator event "
                    + "(docs/events/indicator.schema.json). Ask with Accept: text/csv for every matching row as CSV.")
    @APIResponse(responseCode = "200", description = "A page of indicators.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public IndicatorPage list(@BeanParam IndicatorFilterParams filter,
                              @QueryParam("sort") @Parameter(description = "Order: -publishedAt (default: newest first, "
                                      + "each document in text order), publishedAt, value, -value, period, -period.",
                                      example = "-value") String sort,
                              @QueryParam("limit") @Parameter(description = "Page size, 1 to 1000 (default 50).",
                                      schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                                              defaultValue = "50")) String limit,
                              @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page.") String cursor) {
        return IndicatorPage.of(service.page(service.query(filter.toParameters(), sort, limit, cursor)));
    }

    @GET
    // a lower server-side quality: a client that accepts anything (*/*) gets JSON
    @Produces(IndicatorCsv.MEDIA_TYPE + ";qs=0.5")
    @Operation(summary = "Export indicators as CSV",
            description = "The same query as the JSON search, streamed as CSV: every matching row (limit is ignored), "
                    + "UTF-8 with a byte-order mark, a header row, RFC 4180 quoting.")
    @APIResponse(responseCode = "200", description = "All matching indicators.",
            content = @Content(mediaType = IndicatorCsv.MEDIA_TYPE))
    public Response csv(@BeanParam IndicatorFilterParams filter, @QueryParam("sort") String sort,
                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        // validated before the first byte, so a bad parameter is still a 400 and not a broken download
        IndicatorQuery query = service.query(filter.toParameters(), sort, limit, cursor);
        StreamingOutput body = out -> {
            try (IndicatorCsv csv = new IndicatorCsv(out)) {
                service.forEach(query, csv::write);
            }
        };
        return Response.ok(body, IndicatorCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"indicators.csv\"")
                .build();
    }
}
