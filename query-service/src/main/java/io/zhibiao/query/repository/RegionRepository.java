package io.zhibiao.query.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.zhibiao.query.Region;

/** Reads of the regions table. */
@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionEntity, String> {

    // provinces first, then prefectures, counties, towns; shorter (more general) names first
    private static final String LEVEL_ORDER = "case level when 'PROVINCE' then 0 when 'PREFECTURE' then 1 "
            + "when 'COUNTY' then 2 else 3 end";

    /** Regions whose name or short name starts with {@code prefix}. */
    public List<Region> searchByPrefix(String prefix, int limit) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("name like :p or shortName like :p order by " + LEVEL_ORDER + ", length(name), code",
                Parameters.with("p", like))
                .page(0, limit).stream().map(RegionEntity::toRegion).toList();
    }

    public List<Region> children(String code) {
        return find("parentCode = ?1 order by code", code).stream().map(RegionEntity::toRegion).toList();
    }

    public List<Region> provinces() {
        return find("parentCode is null order by code").stream().map(RegionEntity::toRegion).toList();
    }

    public List<Region> all() {
        return findAll().stream().map(RegionEntity::toRegion).toList();
    }
}
