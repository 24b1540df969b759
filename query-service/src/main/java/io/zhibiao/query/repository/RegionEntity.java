package io.zhibiao.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.query.Region;

/** A row of the {@code regions} table (written only by the gazetteer load). */
@Entity
@Table(name = "regions")
public class RegionEntity extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "short_name")
    public String shortName;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;

    public Region toRegion() {
        return new Region(code, name, shortName, level, parentCode);
    }
}
