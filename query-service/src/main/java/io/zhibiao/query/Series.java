package io.zhibiao.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /series: targets against actuals of one indicator, per region and period. */
@JsonPropertyOrder({"code", "indicator", "kind", "region", "includeDescendants", "points"})
@Schema(name = "Series", description = "One indicator's targets and actuals, side by side per region and period.")
public record Series(
        @Schema(description = "The indicator code asked for.", example = "GDP", nullable = true) String code,
        @Schema(description = "The indicator phrase asked for (when no code).", nullable = true) String indicator,
        @Schema(description = "The kind of figure compared.", example = "GROWTH_RATE") String kind,
        @Schema(description = "The region asked for.", example = "430200", nullable = true) String region,
        boolean includeDescendants,
        @Schema(description = "One point per region, period and unit; ordered by region code, then period.")
        List<Point> points) {

    @JsonPropertyOrder({"region", "year", "periodStart", "periodEnd", "annualized", "unit", "actual", "target",
            "attainment", "actuals", "targets"})
    @Schema(name = "SeriesPoint")
    public record Point(
            @Schema(description = "The division the figures are about.") RegionRef region,
            @Schema(description = "The period's last year: the x axis of a chart.", example = "2022") int year,
            @Schema(example = "2022", nullable = true) Integer periodStart,
            @Schema(example = "2022") Integer periodEnd,
            @Schema(description = "True for 年均 (average per year) figures.") boolean annualized,
            @Schema(example = "PERCENT") String unit,
            @Schema(description = "The reported result: from the most recently published document.", nullable = true)
            Value actual,
            @Schema(description = "The goal: from the earliest published document (the original commitment).",
                    nullable = true) Value target,
            @Schema(description = "How the actual compares with the target; null unless both exist.", nullable = true)
            Attainment attainment,
            @Schema(description = "Every ACTUAL figure of this point, oldest publication first.") List<Value> actuals,
            @Schema(description = "Every TARGET figure of this point, oldest publication first.") List<Value> targets) {
    }

    @Schema(name = "SeriesRegion")
    public record RegionRef(@Schema(example = "430281", nullable = true) String code,
                            @Schema(example = "醴陵市", nullable = true) String name,
                            @Schema(example = "COUNTY", nullable = true) String level) {
    }

    @JsonPropertyOrder({"value", "unit", "comparator", "status", "source"})
    @Schema(name = "SeriesValue")
    public record Value(
            @Schema(description = "In base units (8% is 8; 738亿元 is 73800000000).", example = "8.5") double value,
            @Schema(example = "PERCENT") String unit,
            @Schema(enumeration = {"EQ", "GE", "LE", "APPROX"}) String comparator,
            @Schema(enumeration = {"ACTUAL", "TARGET"}) String status,
            Source source) {
    }

    @JsonPropertyOrder({"eventId", "documentId", "title", "publishedAt", "quote", "sentence"})
    @Schema(name = "SeriesSource", description = "Where the figure was read.")
    public record Source(String eventId, String documentId,
                         @Schema(example = "2023年醴陵市政府工作报告", nullable = true) String title,
                         @Schema(example = "2023-01-10", nullable = true) String publishedAt,
                         @Schema(example = "8.5%") String quote,
                         @Schema(example = "全市地区生产总值增长8.5%。") String sentence) {
    }

    @JsonPropertyOrder({"rule", "met", "ratio", "difference"})
    @Schema(name = "Attainment", description = "A target of 8% against a reported 8.5%: ratio 1.0625, difference 0.5, "
            + "met. A LE target (控制在…以内) is met when the actual stays at or below it; any other target when the actual "
            + "reaches it.")
    public record Attainment(
            @Schema(enumeration = {"AT_LEAST", "AT_MOST"}, description = "AT_MOST for LE targets, else AT_LEAST.")
            String rule,
            @Schema(description = "Whether the actual satisfies the target.") boolean met,
            @Schema(description = "actual / target; null when the target is 0.", example = "1.0625", nullable = true)
            Double ratio,
            @Schema(description = "actual - target, in the unit of the point.", example = "0.5") double difference) {
    }
}
