package io.zhibiao.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.zhibiao.query.Series;
import io.zhibiao.query.service.FilterParameters;
import io.zhibiao.query.service.SeriesService;

@Path("/series")
@Tag(name = "series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private final SeriesService service;

    public SeriesResource(SeriesService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Targets against actuals",
            description = "For one indicator (code, or an exact indicator phrase) and one kind, per region and period: "
                    + "the ACTUAL and TARGET figures side by side with their sources, and the attainment where both exist "
                    + "(a growth target of 8% against a reported 8.5% gives ratio 1.0625 and met true). Figures without a "
                    + "period year are left out.")
    @APIResponse(responseCode = "200", description = "The series.",
            content = @Content(schema = @Schema(implementation = Series.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid or missing; the problem names it.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public Series series(
            @QueryParam("code") @Parameter(description = "Canonical indicator code (this or indicator is required).",
                    example = "GDP") String code,
            @QueryParam("indicator") @Parameter(description = "Exact indicator phrase, for indicators without a code.",
                    example = "电瓷产业年产值") String indicator,
            @QueryParam("kind") @Parameter(description = "Kind of figure compared (default LEVEL).",
                    schema = @Schema(enumeration = {"LEVEL", "GROWTH_RATE", "CHANGE", "RANK"}, defaultValue = "LEVEL"))
            String kind,
            @QueryParam("region") @Parameter(description = "Division code.", example = "430200") String region,
            @QueryParam("includeDescendants") @Parameter(description = "With region: also every division under it, each "
                    + "as its own points.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            String includeDescendants,
            @QueryParam("periodFrom") @Parameter(description = "Only periods ending in or after this year.",
                    schema = @Schema(type = SchemaType.INTEGER)) String periodFrom,
            @QueryParam("periodTo") @Parameter(description = "Only periods starting in or before this year.",
                    schema = @Schema(type = SchemaType.INTEGER)) String periodTo) {
        return service.series(code, indicator, kind, new FilterParameters(region, includeDescendants, null, null, null,
                null, periodFrom, periodTo, null, null, null));
    }
}
