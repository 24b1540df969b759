package io.zhibiao.query.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.zhibiao.query.ExtractionEvent;
import io.zhibiao.query.mapping.EventReader;

/** The {@code extractions} table: one row per completed extraction run. */
@ApplicationScoped
public class ExtractionRepository {

    /** A completed extraction, as the promotion rules see it. */
    public record ExtractionState(String extractionId, String documentId, String extractorVersion, String status,
                                  int expectedCount, OffsetDateTime completedAt, String error, boolean promoted,
                                  String title, LocalDate publishedAt, String regionCode, String regionName) {

        /** The order of extractions of one document: completion time, then id for ties. */
        public boolean isAfter(OffsetDateTime otherCompletedAt, String otherId) {
            int byTime = completedAt.compareTo(otherCompletedAt);
            return byTime > 0 || byTime == 0 && extractionId.compareTo(otherId) > 0;
        }
    }

    private final DataSource dataSource;

    public ExtractionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a completion, unless it is already there (a redelivery). */
    public void insertIfAbsent(ExtractionEvent e) {
        String sql = "INSERT INTO extractions (extraction_id, document_id, extractor_version, status, expected_count, "
                + "completed_at, error, title, published_at, region_code, region_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (extraction_id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.extractionId());
            ps.setString(2, e.documentId());
            ps.setString(3, e.extractorVersion());
            ps.setString(4, e.status());
            ps.setInt(5, e.indicatorCount());
            ps.setObject(6, EventReader.timestamp("completedAt", e.completedAt()));
            ps.setString(7, e.error());
            ps.setString(8, e.title());
            ps.setObject(9, EventReader.date(e.publishedAt()));
            ps.setString(10, e.region() == null ? null : e.region().code());
            ps.setString(11, e.region() == null ? null : e.region().name());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not record extraction " + e.extractionId(), ex);
        }
    }

    public Optional<ExtractionState> find(String extractionId) {
        String sql = "SELECT extraction_id, document_id, extractor_version, status, expected_count, completed_at, error, "
                + "promoted, title, published_at, region_code, region_name FROM extractions WHERE extraction_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, extractionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ExtractionState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getBoolean(8),
                        rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12)));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read extraction " + extractionId, ex);
        }
    }

    /** Keeps the received count visible for operators; the rules always recount. */
    public void updateReceived(String extractionId, int received, boolean promoted) {
        String sql = "UPDATE extractions SET received_count = ?, promoted = promoted OR ? WHERE extraction_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, received);
            ps.setBoolean(2, promoted);
            ps.setString(3, extractionId);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not update extraction " + extractionId, ex);
        }
    }
}
