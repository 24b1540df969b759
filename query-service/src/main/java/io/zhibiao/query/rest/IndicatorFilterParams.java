package io.zhibiao.query.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.zhibiao.query.service.FilterParameters;

/** The filter query parameters shared by GET /indicators, /indicators as CSV and /stream. */
public class IndicatorFilterParams {

    @QueryParam("region")
    @Parameter(description = "Division code (6 digits for county and above, 9 for towns) the indicator is about.",
            example = "430281")
    String region;

    @QueryParam("includeDescendants")
    @Parameter(description = "With region: also everything under it (a province's prefectures, counties and towns).",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String includeDescendants;

    @QueryParam("code")
    @Parameter(description = "Canonical indicator code.", example = "GDP")
    String code;

    @QueryParam("q")
    @Parameter(description = "Text contained in the indicator phrase or in the evidence sentence (case-insensitive).",
            example = "财政")
    String q;

    @QueryParam("kind")
    @Parameter(description = "Kind of figure.", schema = @Schema(enumeration = {"LEVEL", "GROWTH_RATE", "CHANGE", "RANK"}))
    String kind;

    @QueryParam("status")
    @Parameter(description = "Reported result or goal.", schema = @Schema(enumeration = {"ACTUAL", "TARGET"}))
    String status;

    @QueryParam("periodFrom")
    @Parameter(description = "Only periods ending in or after this year.", example = "2020",
            schema = @Schema(type = SchemaType.INTEGER))
    String periodFrom;

    @QueryParam("periodTo")
    @Parameter(description = "Only periods starting in or before this year.", example = "2025",
            schema = @Schema(type = SchemaType.INTEGER))
    String periodTo;

    @QueryParam("documentId")
    @Parameter(description = "Only the indicators of this document.")
    String documentId;

    @QueryParam("publishedFrom")
    @Parameter(description = "Only documents published on or after this date.", example = "2022-01-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    String publishedFrom;

    @QueryParam("publishedTo")
    @Parameter(description = "Only documents published on or before this date.", example = "2023-12-31",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    String publishedTo;

    FilterParameters toParameters() {
        return new FilterParameters(region, includeDescendants, code, q, kind, status, periodFrom, periodTo, documentId,
                publishedFrom, publishedTo);
    }
}
