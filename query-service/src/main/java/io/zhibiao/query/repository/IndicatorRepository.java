package io.zhibiao.query.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGStatement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorRow;
import io.zhibiao.query.IndicatorSort;
import io.zhibiao.query.SortKey;
import io.zhibiao.query.mapping.EventReader;

/**
 * The {@code indicators} table, in plain SQL: the staging and promotion statements need
 * {@code ON CONFLICT}, arrays and {@code RETURNING}, and the keyset queries need row comparisons.
 * Connections come from the Agroal pool, so they join the caller's JTA transaction.
 */
@ApplicationScoped
public class IndicatorRepository {

    private static final String COLUMNS = "event_id, document_id, external_id, extraction_id, extractor_version, "
            + "mention_index, quote, span_start, span_end, sentence, indicator_name, indicator_code, value, unit, "
            + "measure_word, kind, comparator, status, period_start, period_end, annualized, region_code, region_name, "
            + "region_level, region_parents::text AS region_parents, published_at, title, published_sort, period_sort";

    private static final String INSERT = "INSERT INTO indicators (event_id, document_id, external_id, extraction_id, "
            + "extractor_version, current, mention_index, quote, span_start, span_end, sentence, indicator_name, "
            + "indicator_code, value, unit, measure_word, kind, comparator, status, period_start, period_end, annualized, "
            + "region_code, region_name, region_level, region_parents, region_path, published_at, title) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) "
            + "ON CONFLICT (event_id) DO NOTHING";

    private static final TypeReference<List<IndicatorEvent.Parent>> PARENTS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper mapper;

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

    /** Makes the rows of one extraction the ones that are served, and returns them. */
    public List<IndicatorEvent> markCurrent(String extractionId) {
        String sql = "UPDATE indicators SET current = true WHERE extraction_id = ? RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, extractionId);
            List<IndicatorEvent> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(event(rs));
                }
            }
            rows.sort(java.util.Comparator.comparing(IndicatorEvent::mentionIndex));
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException("could not promote extraction " + extractionId, ex);
        }
    }

    /** The current indicators of one document, in text order. */
    public List<IndicatorEvent> forDocument(String documentId) {
        String sql = "SELECT " + COLUMNS + " FROM indicators WHERE current AND document_id = ? ORDER BY mention_index, event_id";
        return query(sql, List.of(documentId));
    }

    /**
     * One page of current indicators after {@code after} (null: from the start), at most
     * {@code limit} rows.
     */
    public List<IndicatorRow> search(IndicatorFilter filter, IndicatorSort sort, SortKey after, int limit) {
        List<Object> params = new ArrayList<>();
        String sqlText;
        if (byCodeAndPeriod(filter, sort)) {
            sqlText = periodPairsPage(filter, sort, after, limit, params);
        } else {
            StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM indicators WHERE current");
            where(filter, sql, params);
            if (after != null) {
                keyset(sort, after, sql, params);
            }
            sql.append(" ORDER BY ").append(orderBy(sort)).append(" LIMIT ?");
            params.add(limit);
            sqlText = sql.toString();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sqlText)) {
            if (filter.q() != null) {
                planForTheseValues(ps);
            }
            bind(ps, params);
            List<IndicatorRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IndicatorEvent event = event(rs);
                    rows.add(new IndicatorRow(event, new SortKey(sort, sortValue(sort, rs), event.documentId(),
                            event.mentionIndex(), event.eventId())));
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
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM indicators WHERE current");
        if (code != null) {
            sql.append(" AND indicator_code = ?");
            params.add(code);
        } else {
            sql.append(" AND indicator_name = ?");
            params.add(indicatorName);
        }
        sql.append(" AND kind = ?");
        params.add(kind);
        where(filter, sql, params);
        sql.append(" ORDER BY region_code NULLS LAST, period_start NULLS LAST, period_end NULLS LAST, published_sort, "
                + "document_id, mention_index");
        return query(sql.toString(), params);
    }

    /**
     * Current indicator counts per region code: of the region itself ({@code own}) and of the region
     * with everything under it ({@code total}).
     */
    public Map<String, long[]> countByRegion(List<String> codes) {
        Map<String, long[]> counts = new java.util.HashMap<>();
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

    private static void where(IndicatorFilter f, StringBuilder sql, List<Object> params) {
        if (f.region() != null) {
            if (f.includeDescendants()) {
                int prefix = descendantPrefix(f.region());
                if (prefix > 0) {
                    // the prefix equality uses an index in the page's order (V2); the path test keeps the answer
                    // exact. It is written with array_position, not @>, because the planner estimates @> of a rare
                    // code as very selective and then prefers sorting every row under the region to the ordered scan.
                    sql.append(" AND left(region_code, ").append(prefix).append(") = ?")
                            .append(" AND array_position(region_path, ?::text) IS NOT NULL");
                    params.add(f.region().substring(0, prefix));
                } else {
                    sql.append(" AND region_path @> ARRAY[?]::text[]");
                }
            } else {
                sql.append(" AND region_code = ?");
            }
            params.add(f.region());
        }
        if (f.code() != null) {
            sql.append(" AND indicator_code = ?");
            params.add(f.code());
        }
        if (f.q() != null) {
            String pattern = "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // search_text is lower(indicator_name || '\n' || sentence), written once per row (V3)
            sql.append(" AND search_text LIKE lower(?)");
            params.add(pattern);
        }
        if (f.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(f.kind());
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            params.add(f.status());
        }
        // a period overlaps [periodFrom, periodTo]; rows without any period year never match
        if (f.periodFrom() != null) {
            sql.append(" AND coalesce(period_end, period_start) >= ?");
            params.add(f.periodFrom());
        }
        if (f.periodTo() != null) {
            sql.append(" AND coalesce(period_start, period_end) <= ?");
            params.add(f.periodTo());
        }
        if (f.documentId() != null) {
            sql.append(" AND document_id = ?");
            params.add(f.documentId());
        }
        if (f.publishedFrom() != null) {
            sql.append(" AND published_at >= ?");
            params.add(f.publishedFrom());
        }
        if (f.publishedTo() != null) {
            sql.append(" AND published_at <= ?");
            params.add(f.publishedTo());
        }
    }

    /**
     * The length of the code prefix that every division under {@code region} shares (2 under a
     * province, 4 under a prefecture, 6 under a county), or 0 for a town code, whose few rows the
     * region_path index finds directly.
     */
    public static int descendantPrefix(String region) {
        if (region.length() != 6) {
            return 0;
        }
        return region.endsWith("0000") ? 2 : region.endsWith("00") ? 4 : 6;
    }

    /**
     * Whether a page is one code over a period in the default order, with no region or document
     * that an index already narrows down: the case the (end, start) pair walk of
     * {@link #periodPairsPage} serves.
     */
    private static boolean byCodeAndPeriod(IndicatorFilter f, IndicatorSort sort) {
        return sort == IndicatorSort.PUBLISHED_DESC && f.code() != null && (f.periodFrom() != null || f.periodTo() != null)
                && f.region() == null && f.documentId() == null;
    }

    /**
     * One code over a period, newest first. The overlap test is two ranges, so no index returns its
     * rows in publication order; but there are few distinct (period end, period start) pairs per
     * code. The recursive part skips through those pairs on the code_period index (one probe
     * each), and for each pair that overlaps the period the lateral part reads at most a page of
     * rows already in publication order; the outer sort merges these short runs.
     */
    private static String periodPairsPage(IndicatorFilter f, IndicatorSort sort, SortKey after, int limit,
                                          List<Object> params) {
        String end = "coalesce(period_end, period_start)";
        String start = "coalesce(period_start, period_end)";
        StringBuilder sql = new StringBuilder("WITH RECURSIVE pairs(e, s) AS ((SELECT ").append(end).append(", ")
                .append(start).append(" FROM indicators WHERE current AND indicator_code = ? AND ").append(end);
        params.add(f.code());
        if (f.periodFrom() != null) {
            sql.append(" >= ?");
            params.add(f.periodFrom());
        } else {
            sql.append(" IS NOT NULL");
        }
        sql.append(" ORDER BY 1, 2 LIMIT 1) UNION ALL SELECT n.e, n.s FROM pairs p CROSS JOIN LATERAL (SELECT ")
                .append(end).append(" AS e, ").append(start).append(" AS s FROM indicators WHERE current AND indicator_code = ? AND (")
                .append(end).append(", ").append(start).append(") > (p.e, p.s) ORDER BY 1, 2 LIMIT 1) n) ")
                .append("SELECT r.* FROM pairs p CROSS JOIN LATERAL (SELECT ").append(COLUMNS)
                .append(" FROM indicators WHERE current");
        params.add(f.code());
        // the pair already overlaps the period; repeating the test would only spoil the planner's row estimate
        where(new IndicatorFilter(f.region(), f.includeDescendants(), f.code(), f.q(), f.kind(), f.status(), null, null,
                f.documentId(), f.publishedFrom(), f.publishedTo()), sql, params);
        sql.append(" AND ").append(end).append(" = p.e AND ").append(start).append(" = p.s");
        if (after != null) {
            keyset(sort, after, sql, params);
        }
        sql.append(" ORDER BY ").append(orderBy(sort)).append(" LIMIT ?) r");
        params.add(limit);
        if (f.periodTo() != null) {
            sql.append(" WHERE p.s <= ?");
            params.add(f.periodTo());
        }
        sql.append(" ORDER BY r.published_sort DESC, r.document_id, r.mention_index, r.event_id LIMIT ?");
        params.add(limit);
        return sql.toString();
    }

    private static String primaryColumn(IndicatorSort sort) {
        return switch (sort) {
            case PUBLISHED_ASC, PUBLISHED_DESC -> "published_sort";
            case VALUE_ASC, VALUE_DESC -> "value";
            case PERIOD_ASC, PERIOD_DESC -> "period_sort";
        };
    }

    private static String orderBy(IndicatorSort sort) {
        String primary = primaryColumn(sort);
        return switch (sort) {
            // newest first, but each document in text order
            case PUBLISHED_DESC -> primary + " DESC, document_id, mention_index, event_id";
            case PUBLISHED_ASC, VALUE_ASC, PERIOD_ASC -> primary + ", document_id, mention_index, event_id";
            case VALUE_DESC, PERIOD_DESC -> primary + " DESC, document_id DESC, mention_index DESC, event_id DESC";
        };
    }

    private static void keyset(IndicatorSort sort, SortKey after, StringBuilder sql, List<Object> params) {
        String primary = primaryColumn(sort);
        Object value = switch (sort) {
            case PUBLISHED_ASC, PUBLISHED_DESC -> LocalDate.parse(after.value());
            case VALUE_ASC, VALUE_DESC -> Double.parseDouble(after.value());
            case PERIOD_ASC, PERIOD_DESC -> Integer.parseInt(after.value());
        };
        switch (sort) {
            case PUBLISHED_DESC -> {
                // mixed directions: the leading range keeps the index scan, the rest picks the position
                sql.append(" AND ").append(primary).append(" <= ? AND (").append(primary)
                        .append(" < ? OR (document_id, mention_index, event_id) > (?, ?, ?))");
                params.add(value);
                params.add(value);
            }
            case PUBLISHED_ASC, VALUE_ASC, PERIOD_ASC -> {
                sql.append(" AND (").append(primary).append(", document_id, mention_index, event_id) > (?, ?, ?, ?)");
                params.add(value);
            }
            case VALUE_DESC, PERIOD_DESC -> {
                sql.append(" AND (").append(primary).append(", document_id, mention_index, event_id) < (?, ?, ?, ?)");
                params.add(value);
            }
        }
        params.add(after.documentId());
        params.add(after.mentionIndex());
        params.add(after.eventId());
    }

    private static String sortValue(IndicatorSort sort, ResultSet rs) throws SQLException {
        return switch (sort) {
            case PUBLISHED_ASC, PUBLISHED_DESC -> rs.getObject("published_sort", LocalDate.class).toString();
            case VALUE_ASC, VALUE_DESC -> Double.toString(rs.getDouble("value"));
            case PERIOD_ASC, PERIOD_DESC -> Integer.toString(rs.getInt("period_sort"));
        };
    }

    private List<IndicatorEvent> query(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
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

    /**
     * Keeps PostgreSQL from reusing a generic plan for this statement: the driver otherwise turns a
     * statement into a named server-side one after a few runs, and PostgreSQL may then plan it once
     * for any value. For {@code q} the best plan depends on the word (walk the page order for a
     * common one, look a rare one up in the trigram index), and the generic plan for "any word"
     * sorted every match of a common word (2 s instead of a few ms, docs/benchmarks.md).
     */
    private static void planForTheseValues(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else {
                ps.setObject(i + 1, p);
            }
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

    private List<IndicatorEvent.Parent> parents(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, PARENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable region_parents: " + json, e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize " + value, e);
        }
    }
}
