package io.zhibiao.query.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.zhibiao.query.bench.SyntheticReadModel.Document;

/**
 * The typical questions of the dashboard and API users, each as an HTTP request and as the plain
 * SQL {@code SELECT} that returns the same rows (same filter, same order, same page size), so the
 * two can be timed on identical parameters. Parameters are drawn from the generated documents, so
 * popular places are asked about more often, as in real use.
 */
final class QueryMix {

    static final int PAGE = 50;

    /** The columns the API reads for each row. */
    static final String COLUMNS = "event_id, document_id, external_id, extraction_id, extractor_version, "
            + "mention_index, quote, span_start, span_end, sentence, indicator_name, indicator_code, value, unit, "
            + "measure_word, kind, comparator, status, period_start, period_end, annualized, region_code, region_name, "
            + "region_level, region_parents::text AS region_parents, published_at, title, published_sort, period_sort";

    /** The API's default order (newest publication first, each document in text order). */
    private static final String NEWEST_FIRST = " ORDER BY published_sort DESC, document_id, mention_index, event_id LIMIT "
            + PAGE;

    private static final String[] CODES = {"GDP", "FISCAL_REVENUE", "GENERAL_BUDGET_REVENUE", "FIXED_ASSET_INVESTMENT",
        "INDUSTRIAL_VALUE_ADDED", "RETAIL_SALES", "DISPOSABLE_INCOME", "ENTERPRISES_ABOVE_SCALE"};

    /** Words users type: indicator phrases (rare and common) and words of the sentences. */
    private static final String[] WORDS = {"一般公共预算收入", "招商引资", "森林覆盖率", "高新技术企业", "粮食产量", "旅游总收入",
        "研发经费", "棚户区改造", "5G基站", "可支配收入", "高质量发展", "工业"};

    /**
     * One request: what the API is asked and the equivalent SQL. A series answers every matching row
     * as the source of a point, in its own grouping; a page answers rows in the SQL's order.
     */
    record Query(String kind, String path, String sql, List<Object> params, boolean series) {
    }

    /** A kind of question and how to draw one instance of it. */
    record Kind(String name, String description, Function<Random, Query> draw) {
    }

    private final SyntheticReadModel model;

    QueryMix(SyntheticReadModel model) {
        this.model = model;
    }

    List<Kind> kinds() {
        return List.of(
                new Kind("region+descendants", "a prefecture and everything under it, newest first", this::regionWithDescendants),
                new Kind("region+code", "a county with its towns, one indicator code (the dashboard's series view)", this::regionAndCode),
                new Kind("code+period", "one indicator code over one year, all regions", this::codeAndPeriod),
                new Kind("q text", "a word in the indicator phrase or the sentence", this::text),
                new Kind("documentId", "all indicators of one document", this::document),
                new Kind("series county", "GET /series: GDP growth of a county and its towns, targets against actuals",
                        this::countySeries),
                new Kind("series prefecture", "GET /series: GDP growth of a prefecture and everything under it",
                        this::prefectureSeries));
    }

    /** {@code count} instances of a kind, reproducible from the seed. */
    static List<Query> draw(Kind kind, int count, long seed) {
        Random random = new Random(seed);
        List<Query> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(kind.draw.apply(random));
        }
        return queries;
    }

    private Document someDocument(Random random) {
        List<Document> docs = model.documents();
        return docs.get(random.nextInt(docs.size()));
    }

    private Query regionWithDescendants(Random random) {
        String region = someDocument(random).region().prefecture().code();
        return page("region+descendants", Map.of("region", region, "includeDescendants", "true"),
                " AND region_path @> ARRAY[?]::text[]", List.of(region));
    }

    private Query regionAndCode(Random random) {
        Document doc = someDocument(random);
        for (int tries = 0; tries < 50 && !"COUNTY".equals(doc.region().level()); tries++) {
            doc = someDocument(random);
        }
        String region = doc.region().code();
        String code = CODES[random.nextInt(3)];
        return page("region+code", Map.of("region", region, "includeDescendants", "true", "code", code),
                " AND region_path @> ARRAY[?]::text[] AND indicator_code = ?", List.of(region, code));
    }

    private Query codeAndPeriod(Random random) {
        String code = CODES[random.nextInt(CODES.length)];
        int year = 2016 + random.nextInt(9);
        return page("code+period", Map.of("code", code, "periodFrom", Integer.toString(year), "periodTo", Integer.toString(year)),
                " AND indicator_code = ? AND coalesce(period_end, period_start) >= ? AND coalesce(period_start, period_end) <= ?",
                List.of(code, year, year));
    }

    private Query text(Random random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        String pattern = "%" + word + "%";
        return page("q text", Map.of("q", word), " AND (indicator_name ILIKE ? OR sentence ILIKE ?)", List.of(pattern, pattern));
    }

    private Query document(Random random) {
        String id = someDocument(random).id();
        return page("documentId", Map.of("documentId", id), " AND document_id = ?", List.of(id));
    }

    private Query countySeries(Random random) {
        Document doc = someDocument(random);
        for (int tries = 0; tries < 50 && !"COUNTY".equals(doc.region().level()); tries++) {
            doc = someDocument(random);
        }
        return series("series county", doc.region().code());
    }

    private Query prefectureSeries(Random random) {
        return series("series prefecture", someDocument(random).region().prefecture().code());
    }

    /**
     * The series of GDP growth under a region, and the SELECT of its rows as the API's repository
     * reads them (every generated row has a period, so none is left out of the points).
     */
    private static Query series(String kind, String region) {
        return new Query(kind, "/series?code=GDP&kind=GROWTH_RATE&includeDescendants=true&region=" + region,
                "SELECT " + COLUMNS + " FROM indicators WHERE current AND indicator_code = ? AND kind = ?"
                        + " AND region_path @> ARRAY[?]::text[]"
                        + " ORDER BY region_code NULLS LAST, period_start NULLS LAST, period_end NULLS LAST, published_sort,"
                        + " document_id, mention_index",
                List.of("GDP", "GROWTH_RATE", region), true);
    }

    /**
     * A candidate rewrite of a region+descendants page for the lead: division codes encode the
     * hierarchy (every ancestor link of the gazetteer keeps the ancestor's 2-, 4- or 6-digit prefix,
     * and every code with that prefix lies under it), so "X and everything under it" is a prefix
     * equality that an expression index can serve in the page's order. Province codes end in 0000,
     * prefecture codes in 00, county codes have 6 digits, town codes 9.
     */
    static Query underByCodePrefix(Query q) {
        String region = (String) q.params().get(0);
        int digits = region.length() == 9 ? 9 : region.endsWith("0000") ? 2 : region.endsWith("00") ? 4 : 6;
        String where = digits == 9 ? " AND region_code = ?" : " AND left(region_code, " + digits + ") = ?";
        return new Query(q.kind() + " by code prefix", q.path(),
                "SELECT " + COLUMNS + " FROM indicators WHERE current" + where + NEWEST_FIRST,
                List.of(region.substring(0, Math.min(digits, region.length()))), false);
    }

    /** The expression indexes {@link #underByCodePrefix} needs. */
    static final List<String> PREFIX_INDEXES = List.of(2, 4, 6).stream()
            .map(n -> "CREATE INDEX bench_region_prefix_" + n + " ON indicators (left(region_code, " + n + "), "
                    + "published_sort DESC, document_id, mention_index) WHERE current")
            .toList();

    private static Query page(String kind, Map<String, String> params, String where, List<Object> sqlParams) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("limit", Integer.toString(PAGE));
        String query = all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Query(kind, "/indicators?" + query,
                "SELECT " + COLUMNS + " FROM indicators WHERE current" + where + NEWEST_FIRST, sqlParams, false);
    }
}
