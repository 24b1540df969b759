package io.zhibiao.query.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.zhibiao.query.DocumentStatus;

/** Reads of the documents table, newest first by when the read model first heard of them. */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<DocumentEntity, String> {

    /**
     * One page after the document ({@code afterCreatedAt}, {@code afterId}), or from the start
     * when they are null.
     */
    public List<DocumentEntity> page(DocumentStatus status, String titleContains, OffsetDateTime afterCreatedAt,
                                     String afterId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params = params.and("status", status);
        }
        if (titleContains != null) {
            where.add("lower(title) like :q escape '\\'");
            params = params.and("q", "%" + titleContains.toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (afterCreatedAt != null) {
            where.add("(createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            params = params.and("createdAt", afterCreatedAt).and("id", afterId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by createdAt desc, id desc";
        return find(query, params).page(0, limit).list();
    }
}
