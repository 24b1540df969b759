package io.zhibiao.query.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.query.DocumentStatus;

/**
 * A row of the {@code documents} table, for the read API. The consumers write the table with
 * {@link DocumentStateRepository}, never through this entity.
 */
@Entity
@Table(name = "documents")
public class DocumentEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "external_id")
    public String externalId;
    public String title;
    public String url;
    @Column(name = "published_at")
    public LocalDate publishedAt;
    public String source;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Enumerated(EnumType.STRING)
    public DocumentStatus status;
    @Column(name = "current_extraction_id")
    public String currentExtractionId;
    @Column(name = "current_completed_at")
    public OffsetDateTime currentCompletedAt;
    @Column(name = "extractor_version")
    public String extractorVersion;
    @Column(name = "indicator_count")
    public int indicatorCount;
    public String error;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "region_name")
    public String regionName;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
