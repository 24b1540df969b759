package io.zhibiao.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A division of the gazetteer, as GET /regions answers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "name", "shortName", "level", "parentCode", "indicatorCount", "totalIndicatorCount",
        "parents", "children"})
@Schema(name = "Region")
public record RegionView(
        @Schema(example = "430281") String code,
        @Schema(example = "醴陵市") String name,
        @Schema(example = "醴陵") String shortName,
        @Schema(enumeration = {"PROVINCE", "PREFECTURE", "COUNTY", "TOWN"}) String level,
        @Schema(example = "430200", nullable = true) String parentCode,
        @Schema(description = "Current indicators about this division itself (detail only).", nullable = true)
        Long indicatorCount,
        @Schema(description = "Current indicators about this division or anything under it (detail only).",
                nullable = true) Long totalIndicatorCount,
        @Schema(description = "Ancestors, nearest first, up to the province.") List<RegionView> parents,
        @Schema(description = "Divisions directly under it (detail only).", nullable = true) List<RegionView> children) {
}
