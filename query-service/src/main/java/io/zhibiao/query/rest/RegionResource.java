package io.zhibiao.query.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import io.zhibiao.query.RegionView;
import io.zhibiao.query.service.RegionService;

@Path("/regions")
@Tag(name = "regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    private final RegionService service;

    public RegionResource(RegionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Search the gazetteer",
            description = "Divisions whose full or short name starts with q (provinces first, then prefectures, counties, "
                    + "towns), each with its parents. Without q: the provinces.")
    @APIResponse(responseCode = "200", description = "Matching divisions.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RegionView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public List<RegionView> search(
            @QueryParam("q") @Parameter(description = "Prefix of the full or short name.", example = "醴陵") String q,
            @QueryParam("limit") @Parameter(description = "At most this many, 1 to 200 (default 20).",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String limit) {
        return service.search(q, limit);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a division",
            description = "The division, its parents (nearest first) and its children, each with how many current "
                    + "indicators are about it (indicatorCount) and about it or anything under it (totalIndicatorCount).")
    @APIResponse(responseCode = "200", description = "The division.",
            content = @Content(schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "400", description = "Not a division code.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    @APIResponse(responseCode = "404", description = "No such division.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public RegionView get(@PathParam("code") @Parameter(description = "6- or 9-digit division code.", example = "430281")
                          String code) {
        return service.get(code);
    }
}
