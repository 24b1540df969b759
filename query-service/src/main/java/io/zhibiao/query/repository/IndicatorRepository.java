package io.zhibiao.query.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorRow;
import io.zhibiao.query.IndicatorSort;
import io.zhibiao.query.PromotedIndicator;
import io.zhibiao.query.SortKey;
import io.zhibiao.query.mapping.EventReader;

/**
 * The {@code indicators} table, in plain SQL: the staging and promotion statements need
 * {@code ON CONFLICT}, arrays and {@code RETURNING}, and the keyset queries need row comparisons.
 * Connections come from the Agroal pool, so they join the caller's JTA transaction.
 */
@ApplicationScoped
public class IndicatorRepository {

    private static final String INSERT = "INSERT INTO indicators (event_id, document_id, external_id, extraction_id, "
            + "extractor_version, current, mention_index, quote, span_start, span_end, sentence, indicator_name, "
            + "indicator_code, value, unit, measure_word, kind, comparator, status, period_start, period_end, annualized, "
            + "region_code, region_name, region_level, region_parents, region_path, published_at, title, event_json) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) "
            + "ON CONFLICT (event_id) DO NOTHING";

    /** The key of the advisory lock of {@link #orderPromotions} ("zhibiao" in ASCII). */
    private static final long PROMOTION_LOCK = 0x7A68696269616FL;

    private static final TypeReference<List<IndicatorEvent.Parent>> PARENTS = new TypeReference<>() {
    };

    /** Distinct region_parents texts kept parsed: the divisions of the gazetteer fit (about 45,000). */
    private static final int PARENTS_CACHED = 50_000;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Map<String, List<IndicatorEvent.Parent>> parentsByJson = new ConcurrentHashMap<>();

    public IndicatorRepository(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Stores one event, unless its eventId is already there (a redelivery).
     *
     * @return whether a row was inserted
     */
    public boolean insert(IndicatorEvent e, boolean current) {
        return insertAll(List.of(e), List.of(current))[0];
    }

    /**
     * Stores several events in one round trip (a JDBC batch), each unless its eventId is already
     * there; {@code current.get(i)} says whether event i joins the served rows at once.
     *
     * @return for each event, whether a row was inserted
     */
    public boolean[] insertAll(List<IndicatorEvent> events, List<Boolean> current) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int k = 0; k < events.size(); k++) {
                bindInsert(c, ps, events.get(k), current.get(k));
                ps.addBatch();
            }
            // one count per statement (1 inserted, 0 a redelivery): the URL must not set reWriteBatchedInserts
            int[] counts = ps.executeBatch();
            boolean[] inserted = new boolean[counts.length];
            for (int k = 0; k < counts.length; k++) {
                inserted[k] = counts[k] == 1;
            }
            return inserted;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not store " + events.size() + " indicators, the first "
                    + events.get(0).eventId(), ex);
        }
    }

    private void bindInsert(Connection c, PreparedStatement ps, IndicatorEvent e, boolean current) throws SQLException {
        IndicatorEvent.Region region = e.region();
        int i = 0;
        ps.setString(++i, e.eventId());
        ps.setString(++i, e.documentId());
        ps.setString(++i, e.externalId());
        ps.setString(++i, e.extractionId());
        ps.setString(++i, e.extractorVersion());
        ps.setBoolean(++i, current);
        ps.setInt(++i, e.mentionIndex());
        ps.setString(++i, e.quote());
        ps.setInt(++i, e.span().start());
        ps.setInt(++i, e.span().end());
        ps.setString(++i, e.sentence());
        ps.setString(++i, e.indicator().name());
        ps.setString(++i, e.indicator().code());
        ps.setDouble(++i, e.value());
        ps.setString(++i, e.unit());
        ps.setString(++i, e.measureWord());
        ps.setString(++i, e.kind());
        ps.setString(++i, e.comparator());
        ps.setString(++i, e.status());
        setInteger(ps, ++i, e.period().start());
        setInteger(ps, ++i, e.period().end());
        ps.setBoolean(++i, e.annualized());
        ps.setString(++i, region.code());
        ps.setString(++i, region.name());
        ps.setString(++i, region.level());
        ps.setString(++i, json(region.parents() == null ? List.of() : region.parents()));
        ps.setArray(++i, c.createArrayOf("text", region.path().toArray()));
        LocalDate published = EventReader.date(e.publishedAt());
        ps.setObject(++i, published);
        ps.setString(++i, e.title());
        ps.setString(++i, json(served(e, published)));
    }

    /**
     * The event as the API serves it, whatever the producer wrote: the current schema version, the
     * publication date without a time, and an empty parent list rather than none (what reading the
     * columns back gives, so a page and a document's indicators agree).
     */
    private static IndicatorEvent served(IndicatorEvent e, LocalDate published) {
        IndicatorEvent.Region r = e.region();
        return new IndicatorEvent(IndicatorEvent.SCHEMA_VERSION, e.eventId(), e.documentId(), e.externalId(),
                e.extractionId(), e.extractorVersion(), e.mentionIndex(), e.quote(), e.span(), e.sentence(), e.indicator(),
                e.value(), e.unit(), e.measureWord(), e.kind(), e.comparator(), e.status(), e.period(), e.annualized(),
                new IndicatorEvent.Region(r.name(), r.code(), r.level(), r.parents() == null ? List.of() : r.parents()),
                e.title(), published == null ? null : published.toString());
    }

    /** How many events of one extraction are staged or current. */
    public int countExtraction(String extractionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM indicators WHERE extraction_id = ?")) {
            ps.setString(1, extractionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not count extraction " + extractionId, ex);
        }
    }

    /** Drops every row of one extraction (one that can never become current). */
    public int deleteExtraction(String extractionId) {
        return update("DELETE FROM indicators WHERE extraction_id = ?", extractionId);
    }

    /**
     * Drops the rows of a document that the promotion of {@code keep} supersedes: the current
     * rows and those of every extraction that completed before it. Rows of extractions whose
     * completion has not arrived yet stay staged: they may belong to a newer run.
     */
    public int deleteSuperseded(String documentId, String keep, OffsetDateTime completedAt) {
        String sql = "DELETE FROM indicators WHERE document_id = ? AND extraction_id <> ? AND (current OR extraction_id IN "
                + "(SELECT extraction_id FROM extractions WHERE document_id = ? AND (completed_at, extraction_id) < (?, ?)))";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, documentId);
            ps.setString(2, keep);
            ps.setString(3, documentId);
            ps.setObject(4, completedAt);
            ps.setString(5, keep);
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not delete superseded rows of " + documentId, ex);
        }
    }

    /**
     * Makes promotions commit in the order of their stream numbers: a transaction-level advisory
     * lock, taken by every transaction that may promote before it locks any document (so the lock
     * order is always this one, then documents, and no two consumers can deadlock on it). Without
     * it, two promotions could commit in the opposite order of their numbers, and a client resuming
     * GET /stream after the higher one would never see the lower one.
     */
    public void orderPromotions() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, PROMOTION_LOCK);
            ps.execute();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not take the promotion lock", ex);
        }
    }

    /**
     * Makes the rows of one extraction the ones that are served, numbering them for the stream in
     * text order, and returns them in that order.
     */
    public List<PromotedIndicator> markCurrent(String extractionId) {
        // PostgreSQL evaluates a volatile select-list function such as nextval after the ORDER BY, so
        // the numbers follow the text order; the UPDATE then writes them
        String sql = "UPDATE indicators SET current = true, stream_seq = numbered.seq FROM (SELECT event_id AS id, "
                + "nextval('indicator_stream_seq') AS seq FROM indicators WHERE extraction_id = ? "
                + "ORDER BY mention_index, event_id) numbered WHERE event_id = numbered.id RETURNING "
                + IndicatorSql.COLUMNS + ", stream_seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, extractionId);
            List<PromotedIndicator> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PromotedIndicator(rs.getLong("stream_seq"), event(rs)));
                }
            }
            rows.sort(Comparator.comparingLong(PromotedIndicator::streamSeq));
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not promote extraction " + extractionId, ex);
        }
    }

    /** The highest stream number given so far, 0 before the first promotion. */
    public long lastStreamSeq() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM indicator_stream_seq");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the stream sequence", ex);
        }
    }

    /**
     * The current indicators matching {@code filter} that were promoted after stream number
     * {@code afterSeq}, in stream order, at most {@code limit}: what a resuming GET /stream missed.
     */
    public List<PromotedIndicator> promotedAfter(IndicatorFilter filter, long afterSeq, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = IndicatorSql.promotedAfter(filter, afterSeq, limit).prepare(c)) {
            List<PromotedIndicator> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PromotedIndicator(rs.getLong("stream_seq"), event(rs)));
                }
            }
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the stream after " + afterSeq, ex);
        }
    }

    /** The current indicators of one document, in text order. */
    public List<IndicatorEvent> forDocument(String documentId) {
        return query(IndicatorSql.forDocument(documentId));
    }

    /**
     * One page of current indicators after {@code after} (null: from the start), at most
     * {@code limit} rows, each as its served JSON.
     */
    public List<IndicatorRow> search(IndicatorFilter filter, IndicatorSort sort, SortKey after, int limit) {
        IndicatorSql.Statement statement = IndicatorSql.page(filter, sort, after, limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = statement.prepare(c)) {
            List<IndicatorRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new IndicatorRow(rs.getString("event_json"), new SortKey(sort, sortValue(sort, rs),
                            rs.getString("document_id"), rs.getInt("mention_index"), rs.getString("event_id"))));
                }
            }
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not query indicators", ex);
        }
    }

    /**
     * Every current indicator of a series: one code (or, when {@code code} is null, one exact
     * indicator phrase) and one kind, filtered like GET /indicators, ordered by region and period.
     */
    public List<IndicatorEvent> series(String code, String indicatorName, String kind, IndicatorFilter filter) {
        return query(IndicatorSql.series(code, indicatorName, kind, filter));
    }

    /**
     * Current indicator counts per region code: of the region itself ({@code own}) and of the region
     * with everything under it ({@code total}).
     */
    public Map<String, long[]> countByRegion(List<String> codes) {
        Map<String, long[]> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        String sql = "SELECT r.code, (SELECT count(*) FROM indicators i WHERE i.current AND i.region_code = r.code), "
                + "(SELECT count(*) FROM indicators i WHERE i.current AND i.region_path @> ARRAY[r.code]::text[]) "
                + "FROM unnest(?::text[]) AS r(code)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            return counts;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not count indicators per region", ex);
        }
    }

    private static String sortValue(IndicatorSort sort, ResultSet rs) throws SQLException {
        return switch (sort) {
            case PUBLISHED_ASC, PUBLISHED_DESC -> rs.getObject("published_sort", LocalDate.class).toString();
            case VALUE_ASC, VALUE_DESC -> Double.toString(rs.getDouble("value"));
            case PERIOD_ASC, PERIOD_DESC -> Integer.toString(rs.getInt("period_sort"));
        };
    }

    private List<IndicatorEvent> query(IndicatorSql.Statement statement) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = statement.prepare(c)) {
            List<IndicatorEvent> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(event(rs));
                }
            }
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not query indicators", ex);
        }
    }

    private int update(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not run " + sql, ex);
        }
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private IndicatorEvent event(ResultSet rs) throws SQLException {
        LocalDate published = rs.getObject("published_at", LocalDate.class);
        return new IndicatorEvent(IndicatorEvent.SCHEMA_VERSION, rs.getString("event_id"), rs.getString("document_id"),
                rs.getString("external_id"), rs.getString("extraction_id"), rs.getString("extractor_version"),
                rs.getInt("mention_index"), rs.getString("quote"),
                new IndicatorEvent.Span(rs.getInt("span_start"), rs.getInt("span_end")), rs.getString("sentence"),
                new IndicatorEvent.Indicator(rs.getString("indicator_name"), rs.getString("indicator_code")),
                rs.getDouble("value"), rs.getString("unit"), rs.getString("measure_word"), rs.getString("kind"),
                rs.getString("comparator"), rs.getString("status"),
                new IndicatorEvent.Period(rs.getObject("period_start", Integer.class), rs.getObject("period_end", Integer.class)),
                rs.getBoolean("annualized"),
                new IndicatorEvent.Region(rs.getString("region_name"), rs.getString("region_code"),
                        rs.getString("region_level"), parents(rs.getString("region_parents"))),
                rs.getString("title"), published == null ? null : published.toString());
    }

    /**
     * The parents of a region are the same JSON on every row about it: each distinct text is parsed
     * once (a page parsed 50 of them per request before), up to {@link #PARENTS_CACHED} of them.
     */
    private List<IndicatorEvent.Parent> parents(String json) {
        if (json == null) {
            return List.of();
        }
        List<IndicatorEvent.Parent> parents = parentsByJson.get(json);
        if (parents == null) {
            try {
                parents = List.copyOf(mapper.readValue(json, PARENTS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable region_parents: " + json, e);
            }
            if (parentsByJson.size() < PARENTS_CACHED) {
                parentsByJson.put(json, parents);
            }
        }
        return parents;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize " + value, e);
        }
    }
}
