package io.zhibiao.extract.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem detail, served as application/problem+json. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 7807 problem detail")
public record Problem(
        @Schema(examples = "https://zhibiao.io/problems/invalid-document") String type,
        @Schema(examples = "Invalid document") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "publishedAt must start with an ISO date (yyyy-MM-dd), not '26/03/2023'") String detail,
        @Schema(description = "The offending field or parameter, when there is one.", examples = "publishedAt") String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://zhibiao.io/problems/";

    public static Problem of(String slug, String title, int status, String detail, String field) {
        return new Problem(BASE + slug, title, status, detail, field);
    }
}
