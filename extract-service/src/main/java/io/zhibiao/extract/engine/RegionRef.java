package io.zhibiao.extract.engine;

import java.util.List;

/**
 * A resolved region. level is PROVINCE/PREFECTURE/COUNTY/TOWN/COUNTRY; nationwide figures carry
 * {@link #NATIONWIDE}. parents are the ancestors, nearest first, up to the province.
 */
public record RegionRef(String name, String code, String level, List<RegionRef> parents) {

    public static final RegionRef NATIONWIDE = new RegionRef("全国", null, "COUNTRY", List.of());

    public RegionRef {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
