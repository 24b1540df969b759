package io.zhibiao.query.repository;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

/** Bulk loading of the {@code regions} table and the version it holds. */
@ApplicationScoped
public class GazetteerRepository {

    // any constant: serializes the load between instances starting at once
    private static final long LOAD_LOCK = 0x7a68696269616fL;

    private final DataSource dataSource;

    public GazetteerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the transaction-scoped lock that makes concurrent loads wait for each other. */
    public void lockForLoad() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + LOAD_LOCK + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the regions table", e);
        }
    }

    /** The version the regions table holds, empty when it was never loaded or is empty. */
    public Optional<String> loadedVersion() {
        String sql = "SELECT v.version FROM gazetteer_version v WHERE v.id = 1 AND EXISTS (SELECT 1 FROM regions)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the gazetteer version", e);
        }
    }

    /**
     * Replaces every region with the rows of {@code tsv} (PostgreSQL COPY text format: code, name,
     * short name, level, parent code, tab-separated, {@code \N} for null) and records the version.
     *
     * @return the number of regions loaded
     */
    public long replace(Reader tsv, String version) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM regions");
            }
            long rows = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY regions (code, name, short_name, level, parent_code) FROM STDIN", tsv);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gazetteer_version (id, version, row_count, loaded_at) "
                    + "VALUES (1, ?, ?, now()) ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
                    + "row_count = excluded.row_count, loaded_at = excluded.loaded_at")) {
                ps.setString(1, version);
                ps.setLong(2, rows);
                ps.executeUpdate();
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not load the regions", e);
        }
    }
}
