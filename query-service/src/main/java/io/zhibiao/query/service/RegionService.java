package io.zhibiao.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.zhibiao.query.Region;
import io.zhibiao.query.RegionView;
import io.zhibiao.query.config.QueryConfig;
import io.zhibiao.query.repository.IndicatorRepository;
import io.zhibiao.query.repository.RegionRepository;

/** GET /regions (search the gazetteer) and GET /regions/{code} (a division with its neighbourhood and counts). */
@ApplicationScoped
public class RegionService {

    private final RegionRepository regions;
    private final RegionDirectory directory;
    private final IndicatorRepository indicators;
    private final ParameterParser parser;
    private final QueryConfig config;

    public RegionService(RegionRepository regions, RegionDirectory directory, IndicatorRepository indicators,
                         ParameterParser parser, QueryConfig config) {
        this.regions = regions;
        this.directory = directory;
        this.indicators = indicators;
        this.parser = parser;
        this.config = config;
    }

    /**
     * Divisions whose name or short name starts with {@code q}, most general first; the provinces
     * when {@code q} is absent. Each comes with its parents, to tell apart the many towns of one name.
     */
    @Transactional
    public List<RegionView> search(String q, String limit) {
        String prefix = parser.text("q", q);
        // without a prefix the answer is the 31 provinces: all of them unless a limit is asked
        int size = parser.limit(limit, prefix == null ? config.paging().regionsMaxLimit()
                : config.paging().regionsDefaultLimit(), config.paging().regionsMaxLimit());
        List<Region> found = prefix == null ? regions.provinces() : regions.searchByPrefix(prefix, size);
        return found.stream().limit(size)
                .map(r -> view(r, null, directory.parents(r).stream().map(p -> view(p, null, List.of(), null)).toList(), null))
                .toList();
    }

    @Transactional
    public RegionView get(String code) {
        String parsed = parser.region("code", code);
        Region region = regions.findByIdOptional(parsed).map(e -> e.toRegion())
                .orElseThrow(() -> new NotFoundException("no division " + parsed + " in the gazetteer"));
        List<Region> parents = directory.parents(region);
        List<Region> children = regions.children(parsed);
        List<String> codes = new ArrayList<>();
        codes.add(parsed);
        parents.forEach(p -> codes.add(p.code()));
        children.forEach(c -> codes.add(c.code()));
        Map<String, long[]> counts = indicators.countByRegion(codes);
        return view(region, counts.get(parsed),
                parents.stream().map(p -> view(p, counts.get(p.code()), List.of(), null)).toList(),
                children.stream().map(c -> view(c, counts.get(c.code()), List.of(), null)).toList());
    }

    private static RegionView view(Region r, long[] counts, List<RegionView> parents, List<RegionView> children) {
        return new RegionView(r.code(), r.name(), r.shortName(), r.level(), r.parentCode(),
                counts == null ? null : counts[0], counts == null ? null : counts[1], parents, children);
    }
}
