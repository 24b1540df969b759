package io.zhibiao.query.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.zhibiao.query.DocumentEvent;
import io.zhibiao.query.DocumentStatus;
import io.zhibiao.query.mapping.EventReader;

/** The write side of the {@code documents} table: metadata upserts, the per-document lock, promotion. */
@ApplicationScoped
public class DocumentStateRepository {

    /** What the promotion rules need to know of a document. */
    public record DocumentState(String id, String currentExtractionId, OffsetDateTime currentCompletedAt) {
    }

    private final DataSource dataSource;

    public DocumentStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts a new document as PENDING or refreshes the metadata of a known one; status and
     * current extraction are left alone, so a re-extraction keeps serving the old indicators.
     */
    public void upsertMetadata(DocumentEvent e) {
        String sql = "INSERT INTO documents (id, external_id, title, url, published_at, source, region_hint, content_sha256, "
                + "received_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') "
                + "ON CONFLICT (id) DO UPDATE SET external_id = coalesce(excluded.external_id, documents.external_id), "
                + "title = coalesce(excluded.title, documents.title), url = coalesce(excluded.url, documents.url), "
                + "published_at = coalesce(excluded.published_at, documents.published_at), "
                + "source = coalesce(excluded.source, documents.source), "
                + "region_hint = coalesce(excluded.region_hint, documents.region_hint), "
                + "content_sha256 = coalesce(excluded.content_sha256, documents.content_sha256), "
                // a replayed older record must not move receivedAt back
                + "received_at = greatest(excluded.received_at, documents.received_at), updated_at = clock_timestamp()";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.documentId());
            ps.setString(2, e.externalId());
            ps.setString(3, e.title());
            ps.setString(4, e.url());
            ps.setObject(5, EventReader.date(e.publishedAt()));
            ps.setString(6, e.source());
            ps.setString(7, e.regionHint());
            ps.setString(8, e.contentSha256());
            ps.setObject(9, EventReader.timestamp("receivedAt", e.receivedAt()));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not store document " + e.documentId(), ex);
        }
    }

    /**
     * Makes sure a document row exists before its indicators or extraction are recorded: the
     * topics are not ordered against each other, so these may arrive before the document.
     */
    public void ensureExists(String id, String externalId, String title, LocalDate publishedAt) {
        String sql = "INSERT INTO documents (id, external_id, title, published_at, status) VALUES (?, ?, ?, ?, 'PENDING') "
                + "ON CONFLICT (id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, externalId);
            ps.setString(3, title);
            ps.setObject(4, publishedAt);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not create document " + id, ex);
        }
    }

    /**
     * Locks the document's row until the transaction ends. Every consumer path that may promote
     * takes this lock first, so two paths that each complete an extraction cannot miss each other.
     */
    public DocumentState lock(String id) {
        String sql = "SELECT id, current_extraction_id, current_completed_at FROM documents WHERE id = ? FOR UPDATE";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("document " + id + " vanished");
                }
                return new DocumentState(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not lock document " + id, ex);
        }
    }

    /** Switches the document to a complete extraction. */
    public void promote(String id, String extractionId, OffsetDateTime completedAt, DocumentStatus status,
                        String extractorVersion, int indicatorCount, String error, String title, LocalDate publishedAt,
                        String regionCode, String regionName) {
        String sql = "UPDATE documents SET current_extraction_id = ?, current_completed_at = ?, status = ?, "
                + "extractor_version = ?, indicator_count = ?, error = ?, title = coalesce(title, ?), "
                + "published_at = coalesce(?, published_at), region_code = ?, region_name = ?, "
                + "updated_at = clock_timestamp() WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, extractionId);
            ps.setObject(2, completedAt);
            ps.setString(3, status.name());
            ps.setString(4, extractorVersion);
            ps.setInt(5, indicatorCount);
            ps.setString(6, error);
            ps.setString(7, title);
            if (publishedAt == null) {
                ps.setNull(8, Types.DATE);
            } else {
                ps.setObject(8, publishedAt);
            }
            ps.setString(9, regionCode);
            ps.setString(10, regionName);
            ps.setString(11, id);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not promote document " + id, ex);
        }
    }
}
