package io.zhibiao.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.query.Region;
import io.zhibiao.query.repository.RegionRepository;

/**
 * The gazetteer in memory (some 45,000 divisions), for walking up the parent chain of a region
 * without one query per level. Reloaded after each gazetteer load.
 */
@ApplicationScoped
public class RegionDirectory {

    private final RegionRepository regions;
    private volatile Map<String, Region> byCode = Map.of();

    public RegionDirectory(RegionRepository regions) {
        this.regions = regions;
    }

    public void reload() {
        List<Region> all = QuarkusTransaction.requiringNew().call(regions::all);
        byCode = all.stream().collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
    }

    /** How many divisions are loaded (0 before the start-up load). */
    public int size() {
        return byCode.size();
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The ancestors of a region, nearest first, up to the province. */
    public List<Region> parents(Region region) {
        List<Region> parents = new ArrayList<>();
        Region current = region;
        // the bound guards against a cycle in a hand-edited gazetteer
        while (current.parentCode() != null && parents.size() < 8) {
            current = byCode.get(current.parentCode());
            if (current == null) {
                break;
            }
            parents.add(current);
        }
        return parents;
    }
}
