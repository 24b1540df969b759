package io.zhibiao.extract.engine.region;

import java.util.Objects;

/**
 * One administrative division of the gazetteer.
 *
 * @param code       NBS statistical code: 6 digits for county and above (360300), 9 for towns (360323103)
 * @param name       official full name (萍乡市, 上埠镇)
 * @param shortName  the name without its generic suffix (萍乡, 上埠), or the full name when none
 *                   could be stripped (和县, 城区)
 * @param level      tier of the division
 * @param parentCode code of the enclosing division, or {@code null} for a province
 */
public record Division(String code, String name, String shortName, DivisionLevel level, String parentCode) {

    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(level, "level");
        if (parentCode != null && parentCode.isEmpty()) {
            parentCode = null;
        }
    }

    /** True when the short name differs from the full name. */
    public boolean hasShortName() {
        return !shortName.equals(name);
    }

    /** The generic suffix of the full name (市, 区, 镇, 街道…), empty when there is none. */
    public String suffix() {
        return hasShortName() && name.startsWith(shortName) ? name.substring(shortName.length()) : "";
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
