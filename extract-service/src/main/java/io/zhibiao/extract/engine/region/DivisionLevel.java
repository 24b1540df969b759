package io.zhibiao.extract.engine.region;

/**
 * Tier of an administrative division, from the widest to the narrowest. The
 * ordinal grows with depth, so {@code a.ordinal() < b.ordinal()} means {@code a}
 * is the wider tier.
 */
public enum DivisionLevel {
    /** 省, 自治区, 直辖市: 6-digit code ending in 0000. */
    PROVINCE,
    /** 地级市, 地区, 自治州, 盟: 6-digit code ending in 00. */
    PREFECTURE,
    /** 市辖区, 县, 县级市, 旗: 6-digit code. */
    COUNTY,
    /** 镇, 乡, 街道, 苏木: 9-digit code. */
    TOWN;

    /** True when this tier is strictly wider than {@code other}. */
    public boolean isWiderThan(DivisionLevel other) {
        return ordinal() < other.ordinal();
    }
}
