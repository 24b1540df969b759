package io.zhibiao.extract.engine.region;

import java.util.Objects;
import java.util.Optional;

/**
 * The region a fact is about: a division of the gazetteer, or the nation as a whole
 * ({@link #NATIONWIDE}, named 全国, with no code).
 *
 * @param name     the official full name (萍乡市) or 全国
 * @param division the division, {@code null} only for {@link #NATIONWIDE}
 */
public record FactRegion(String name, Division division) {

    /** The pseudo-region of nationwide figures: name 全国, no code. */
    public static final FactRegion NATIONWIDE = new FactRegion("全国", null);

    public FactRegion {
        Objects.requireNonNull(name, "name");
    }

    public static FactRegion of(Division division) {
        return new FactRegion(division.name(), division);
    }

    /** The division code, or {@code null} for 全国. */
    public String code() {
        return division == null ? null : division.code();
    }

    public Optional<Division> asDivision() {
        return Optional.ofNullable(division);
    }

    public boolean isNationwide() {
        return division == null;
    }
}
