package io.zhibiao.query.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGStatement;

import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorSort;
import io.zhibiao.query.SortKey;

/**
 * The SQL of the indicator reads, as plain values: which statement answers a page, a series or a
 * document. Kept apart from {@link IndicatorRepository} (which runs them and maps rows) so that the
 * read-model benchmark times exactly these statements through plain JDBC, and so that the choice
 * of statement can be read in one place.
 */
public final class IndicatorSql {

    /** The columns read for each row ({@link IndicatorRepository} maps them to an event). */
    public static final String COLUMNS = "event_id, document_id, external_id, extraction_id, extractor_version, "
            + "mention_index, quote, span_start, span_end, sentence, indicator_name, indicator_code, value, unit, "
            + "measure_word, kind, comparator, status, period_start, period_end, annualized, region_code, region_name, "
            + "region_level, region_parents::text AS region_parents, published_at, title, published_sort, period_sort";

    /** The columns of a page: each row's served JSON and its sort key. */
    public static final String PAGE_COLUMNS = "event_json, event_id, document_id, mention_index, published_sort, value, "
            + "period_sort";

    /**
     * One statement and its parameters.
     *
     * @param planPerCall whether PostgreSQL must plan it for these parameter values every time
     *                    instead of reusing a generic plan (see {@link #prepare})
     */
    public record Statement(String sql, List<Object> params, boolean planPerCall) {

        /**
         * Prepares and binds the statement. With {@code planPerCall} the driver keeps it unnamed:
         * it otherwise turns a statement into a named server-side one after a few runs, and
         * PostgreSQL may then plan it once for any value. For {@code q} the best plan depends on the
         * word (walk the page order for a common one, look a rare one up in the trigram index), and
         * the generic plan for "any word" sorted every match of a common word (2 s instead of a few
         * ms, docs/benchmarks.md).
         */
        public PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            try {
                if (planPerCall) {
                    ps.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof LocalDate d) {
                        ps.setDate(i + 1, Date.valueOf(d));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                return ps;
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }
    }

    private IndicatorSql() {
    }

    /**
     * One page of current indicators after {@code after} (null: from the start), at most
     * {@code limit} rows, in the order of {@code sort}.
     */
    public static Statement page(IndicatorFilter filter, IndicatorSort sort, SortKey after, int limit) {
        List<Object> params = new ArrayList<>();
        String sqlText;
        if (byCodeAndPeriod(filter, sort)) {
            sqlText = periodPairsPage(filter, sort, after, limit, params);
        } else {
            StringBuilder sql = new StringBuilder("SELECT ").append(PAGE_COLUMNS).append(" FROM indicators WHERE current");
            where(filter, sql, params);
            if (after != null) {
                keyset(sort, after, sql, params);
            }
            sql.append(" ORDER BY ").append(orderBy(sort)).append(" LIMIT ?");
            params.add(limit);
            sqlText = sql.toString();
        }
        return new Statement(sqlText, params, filter.q() != null);
    }

    /**
     * Every current indicator of a series: one code (or, when {@code code} is null, one exact
     * indicator phrase) and one kind, filtered like GET /indicators, ordered by region and period.
     */
    public static Statement series(String code, String indicatorName, String kind, IndicatorFilter filter) {
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
        where(filter, sql, params, Descendants.CODE_RANGE);
        sql.append(" ORDER BY region_code NULLS LAST, period_start NULLS LAST, period_end NULLS LAST, published_sort, "
                + "document_id, mention_index");
        return new Statement(sql.toString(), params, filter.q() != null);
    }

    /**
     * The current indicators promoted after stream number {@code afterSeq} that match the filter, in
     * stream order: the rows a resuming GET /stream missed.
     */
    public static Statement promotedAfter(IndicatorFilter filter, long afterSeq, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(", stream_seq FROM indicators WHERE current AND stream_seq > ?");
        params.add(afterSeq);
        where(filter, sql, params);
        sql.append(" ORDER BY stream_seq LIMIT ?");
        params.add(limit);
        return new Statement(sql.toString(), params, filter.q() != null);
    }

    /** The current indicators of one document, in text order. */
    public static Statement forDocument(String documentId) {
        return new Statement("SELECT " + COLUMNS + " FROM indicators WHERE current AND document_id = ? "
                + "ORDER BY mention_index, event_id", List.of(documentId), false);
    }

    /** How "a region and everything under it" is written, for the index the statement should use. */
    private enum Descendants {
        /** an equality on the code's prefix: the V2 indexes return it in the page's order */
        PREFIX_EQUALS,
        /**
         * a range of codes, in byte order: the V5 series index finds the rows of one code and kind
         * under a region in one range scan, where the page indexes would read every row under it
         */
        CODE_RANGE
    }

    private static void where(IndicatorFilter f, StringBuilder sql, List<Object> params) {
        where(f, sql, params, Descendants.PREFIX_EQUALS);
    }

    private static void where(IndicatorFilter f, StringBuilder sql, List<Object> params, Descendants form) {
        if (f.region() != null) {
            if (f.includeDescendants()) {
                int prefix = descendantPrefix(f.region());
                if (prefix > 0 && form == Descendants.CODE_RANGE) {
                    // every code under the region starts with the prefix, and ':' sorts right after '9'
                    sql.append(" AND region_code COLLATE \"C\" >= ? AND region_code COLLATE \"C\" < ?")
                            .append(" AND array_position(region_path, ?::text) IS NOT NULL");
                    params.add(f.region().substring(0, prefix));
                    params.add(f.region().substring(0, prefix) + ":");
                } else if (prefix > 0) {
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
        and(sql, params, "indicator_code = ?", f.code());
        if (f.q() != null) {
            // search_text is lower(indicator_name || '\n' || sentence), written once per row (V3)
            and(sql, params, "search_text LIKE lower(?)",
                    "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        and(sql, params, "kind = ?", f.kind());
        and(sql, params, "status = ?", f.status());
        // a period overlaps [periodFrom, periodTo]; rows without any period year never match
        and(sql, params, "coalesce(period_end, period_start) >= ?", f.periodFrom());
        and(sql, params, "coalesce(period_start, period_end) <= ?", f.periodTo());
        and(sql, params, "document_id = ?", f.documentId());
        and(sql, params, "published_at >= ?", f.publishedFrom());
        and(sql, params, "published_at <= ?", f.publishedTo());
    }

    /** Adds {@code condition} with its one parameter, unless the filter leaves it open (null). */
    private static void and(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
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
                .append("SELECT r.* FROM pairs p CROSS JOIN LATERAL (SELECT ").append(PAGE_COLUMNS)
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
}
