package io.zhibiao.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.Series;

/** The attainment and grouping rules of GET /series, without a server. */
class SeriesRulesTest {

    @ParameterizedTest(name = "actual {0} vs {2} target {1}: met={3}")
    @CsvSource({
            "8.5, 8, EQ, true, AT_LEAST",
            "7.8, 8, EQ, false, AT_LEAST",
            "8, 8, APPROX, true, AT_LEAST",
            "7.9, 8, APPROX, false, AT_LEAST",
            "8, 7.5, GE, true, AT_LEAST",
            "4.8, 5.5, LE, true, AT_MOST",
            "5.6, 5.5, LE, false, AT_MOST",
            "-2, -3, EQ, true, AT_LEAST"})
    void attainment(double actual, double target, String comparator, boolean met, String rule) {
        Series.Attainment a = SeriesService.attainment(value(actual, "EQ"), value(target, comparator));
        assertThat(a.met()).isEqualTo(met);
        assertThat(a.rule()).isEqualTo(rule);
        assertThat(a.difference()).isEqualTo(actual - target);
        assertThat(a.ratio()).isEqualTo(actual / target);
    }

    @Test
    void zeroTargetHasNoRatioAndMissingSideNoAttainment() {
        assertThat(SeriesService.attainment(value(3, "EQ"), value(0, "EQ")).ratio()).isNull();
        assertThat(SeriesService.attainment(null, value(8, "EQ"))).isNull();
        assertThat(SeriesService.attainment(value(8, "EQ"), null)).isNull();
    }

    @Test
    void latestActualAndEarliestTargetAreChosenPerPeriod() {
        List<Series.Point> points = SeriesService.points(List.of(
                event("a", "ACTUAL", 8.1, 2022, "2023-01-05"),
                event("b", "ACTUAL", 8.5, 2022, "2023-06-30"),
                event("c", "TARGET", 8.0, 2022, "2022-01-15"),
                event("d", "TARGET", 7.5, 2022, "2022-08-01"),
                event("e", "TARGET", 9.0, null, "2022-08-01")));
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.year()).isEqualTo(2022);
            assertThat(p.actual().source().eventId()).isEqualTo("b");
            assertThat(p.target().source().eventId()).isEqualTo("c");
            assertThat(p.actuals()).hasSize(2);
            assertThat(p.targets()).hasSize(2);
            assertThat(p.attainment().met()).isTrue();
        });
    }

    private static Series.Value value(double v, String comparator) {
        return new Series.Value(v, "PERCENT", comparator, "TARGET", null);
    }

    private static IndicatorEvent event(String id, String status, double value, Integer year, String publishedAt) {
        return new IndicatorEvent(1, id, "doc-" + id, null, "x", "0.1.0", 0, value + "%", new IndicatorEvent.Span(0, 2),
                "全市地区生产总值增长" + value + "%。", new IndicatorEvent.Indicator("地区生产总值", "GDP"), value, "PERCENT",
                null, "GROWTH_RATE", "EQ", status, new IndicatorEvent.Period(year, year), false,
                new IndicatorEvent.Region("醴陵市", "430281", "COUNTY", List.of()), "报告", publishedAt);
    }
}
