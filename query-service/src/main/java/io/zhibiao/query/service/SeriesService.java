package io.zhibiao.query.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.Series;
import io.zhibiao.query.repository.IndicatorRepository;

/**
 * GET /series: one indicator's figures per region and period, the ACTUAL and the TARGET side by
 * side, and whether the target was met.
 */
@ApplicationScoped
public class SeriesService {

    private final IndicatorRepository indicators;
    private final ParameterParser parser;

    public SeriesService(IndicatorRepository indicators, ParameterParser parser) {
        this.indicators = indicators;
        this.parser = parser;
    }

    public Series series(String code, String indicator, String kind, FilterParameters filter) {
        String parsedCode = parser.text("code", code);
        String parsedIndicator = parser.text("indicator", indicator);
        if (parsedCode == null && parsedIndicator == null) {
            throw new BadParameterException("code", "give an indicator code (code) or an indicator phrase (indicator)");
        }
        if (parsedCode != null && parsedIndicator != null) {
            throw new BadParameterException("indicator", "give either code or indicator, not both");
        }
        String parsedKind = parser.oneOf("kind", kind, ParameterParser.KINDS);
        String seriesKind = parsedKind == null ? "LEVEL" : parsedKind;
        IndicatorFilter parsed = parser.filter(filter);
        List<IndicatorEvent> rows = indicators.series(parsedCode, parsedIndicator, seriesKind, parsed);
        return new Series(parsedCode, parsedIndicator, seriesKind, parsed.region(), parsed.includeDescendants(),
                points(rows));
    }

    /** Groups figures by region, period, annualization and unit; rows without a period year cannot be placed. */
    static List<Series.Point> points(List<IndicatorEvent> rows) {
        record Key(String regionCode, String regionName, String regionLevel, Integer start, int end, boolean annualized,
                   String unit) {
        }
        Map<Key, List<IndicatorEvent>> groups = new LinkedHashMap<>();
        for (IndicatorEvent e : rows) {
            Integer end = e.period().end() != null ? e.period().end() : e.period().start();
            if (end == null) {
                continue;
            }
            Key key = new Key(e.region().code(), e.region().name(), e.region().level(), e.period().start(), end,
                    e.annualized(), e.unit());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        Comparator<IndicatorEvent> byPublication = Comparator
                .comparing(IndicatorEvent::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IndicatorEvent::documentId)
                .thenComparing(IndicatorEvent::mentionIndex);
        List<Series.Point> points = new ArrayList<>();
        groups.forEach((key, events) -> {
            List<Series.Value> actuals = events.stream().filter(e -> "ACTUAL".equals(e.status())).sorted(byPublication)
                    .map(SeriesService::value).toList();
            List<Series.Value> targets = events.stream().filter(e -> "TARGET".equals(e.status())).sorted(byPublication)
                    .map(SeriesService::value).toList();
            // the latest report of a result is the most revised; the first statement of a goal is the commitment
            Series.Value actual = actuals.isEmpty() ? null : actuals.get(actuals.size() - 1);
            Series.Value target = targets.isEmpty() ? null : targets.get(0);
            points.add(new Series.Point(new Series.RegionRef(key.regionCode(), key.regionName(), key.regionLevel()),
                    key.end(), key.start(), key.end(), key.annualized(), key.unit(), actual, target,
                    attainment(actual, target), actuals, targets));
        });
        points.sort(Comparator.comparing((Series.Point p) -> p.region().code(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Series.Point::year)
                .thenComparing(Series.Point::periodStart, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Series.Point::annualized)
                .thenComparing(Series.Point::unit));
        return points;
    }

    /**
     * A LE target (控制在…以内, 不超过) is a ceiling; every other target (增长8%, 8%左右, 不低于) is a
     * floor that the actual has to reach.
     */
    static Series.Attainment attainment(Series.Value actual, Series.Value target) {
        if (actual == null || target == null) {
            return null;
        }
        boolean ceiling = "LE".equals(target.comparator());
        boolean met = ceiling ? actual.value() <= target.value() : actual.value() >= target.value();
        Double ratio = target.value() == 0 ? null : actual.value() / target.value();
        return new Series.Attainment(ceiling ? "AT_MOST" : "AT_LEAST", met, ratio, actual.value() - target.value());
    }

    private static Series.Value value(IndicatorEvent e) {
        return new Series.Value(e.value(), e.unit(), e.comparator(), e.status(),
                new Series.Source(e.eventId(), e.documentId(), e.title(), e.publishedAt(), e.quote(), e.sentence()));
    }
}
