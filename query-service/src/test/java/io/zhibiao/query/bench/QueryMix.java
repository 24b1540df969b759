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

import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorSort;
import io.zhibiao.query.bench.SyntheticReadModel.Document;
import io.zhibiao.query.repository.IndicatorSql;
import io.zhibiao.query.repository.IndicatorSql.Statement;

/**
 * The typical questions of the dashboard and API users, each as an HTTP request, as the statement
 * the service sends for it ({@link IndicatorSql}, timed through plain JDBC as the baseline) and as a
 * plain reference {@code SELECT} written from the API's definition (same filter, same order, same
 * page size), against which the answers are checked. Parameters are drawn from the generated
 * documents, so popular places are asked about more often, as in real use.
 */
final class QueryMix {

    static final int PAGE = 50;

    /** The columns the API reads for each row. */
    private static final String COLUMNS = IndicatorSql.COLUMNS;

    /** The API's default order (newest publication first, each document in text order). */
    private static final String NEWEST_FIRST = " ORDER BY published_sort DESC, document_id, mention_index, event_id LIMIT "
            + PAGE;

    private static final String[] CODES = {"GDP", "FISCAL_REVENUE", "GENERAL_BUDGET_REVENUE", "FIXED_ASSET_INVESTMENT",
        "INDUSTRIAL_VALUE_ADDED", "RETAIL_SALES", "DISPOSABLE_INCOME", "ENTERPRISES_ABOVE_SCALE"};

    /** Words users type: indicator phrases (rare and common) and words of the sentences. */
    private static final String[] WORDS = {"一般公共预算收入", "招商引资", "森林覆盖率", "高新技术企业", "粮食产量", "旅游总收入",
        "研发经费", "棚户区改造", "5G基站", "可支配收入", "高质量发展", "工业"};

    /**
     * One request: what the API is asked, the reference SQL that defines its answer and the
     * statement the service sends for it. A series answers every matching row as the source of a
     * point, in its own grouping; a page answers rows in the SQL's order.
     */
    record Query(String kind, String path, Statement reference, Statement service, boolean series) {
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
                " AND region_path @> ARRAY[?]::text[]", List.of(region),
                new IndicatorFilter(region, true, null, null, null, null, null, null, null, null, null));
    }

    private Query regionAndCode(Random random) {
        Document doc = someDocument(random);
        for (int tries = 0; tries < 50 && !"COUNTY".equals(doc.region().level()); tries++) {
            doc = someDocument(random);
        }
        String region = doc.region().code();
        String code = CODES[random.nextInt(3)];
        return page("region+code", Map.of("region", region, "includeDescendants", "true", "code", code),
                " AND region_path @> ARRAY[?]::text[] AND indicator_code = ?", List.of(region, code),
                new IndicatorFilter(region, true, code, null, null, null, null, null, null, null, null));
    }

    private Query codeAndPeriod(Random random) {
        String code = CODES[random.nextInt(CODES.length)];
        int year = 2016 + random.nextInt(9);
        return page("code+period", Map.of("code", code, "periodFrom", Integer.toString(year), "periodTo", Integer.toString(year)),
                " AND indicator_code = ? AND coalesce(period_end, period_start) >= ? AND coalesce(period_start, period_end) <= ?",
                List.of(code, year, year),
                new IndicatorFilter(null, false, code, null, null, null, year, year, null, null, null));
    }

    private Query text(Random random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        String pattern = "%" + word + "%";
        return page("q text", Map.of("q", word), " AND (indicator_name ILIKE ? OR sentence ILIKE ?)", List.of(pattern, pattern),
                new IndicatorFilter(null, false, null, word, null, null, null, null, null, null, null));
    }

    private Query document(Random random) {
        String id = someDocument(random).id();
        return page("documentId", Map.of("documentId", id), " AND document_id = ?", List.of(id),
                new IndicatorFilter(null, false, null, null, null, null, null, null, id, null, null));
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
     * The series of GDP growth under a region, and the SELECT of its rows as the API's definition
     * reads them (every generated row has a period, so none is left out of the points).
     */
    private static Query series(String kind, String region) {
        Statement reference = new Statement("SELECT " + COLUMNS + " FROM indicators WHERE current AND indicator_code = ? "
                + "AND kind = ? AND region_path @> ARRAY[?]::text[] ORDER BY region_code NULLS LAST, period_start NULLS LAST, "
                + "period_end NULLS LAST, published_sort, document_id, mention_index", List.of("GDP", "GROWTH_RATE", region), false);
        Statement service = IndicatorSql.series("GDP", null, "GROWTH_RATE",
                new IndicatorFilter(region, true, null, null, null, null, null, null, null, null, null));
        return new Query(kind, "/series?code=GDP&kind=GROWTH_RATE&includeDescendants=true&region=" + region, reference,
                service, true);
    }

    /**
     * A page in the default order: the reference SELECT and the service's statement, which asks one
     * row more than the page to know whether a next one exists.
     */
    private static Query page(String kind, Map<String, String> params, String where, List<Object> sqlParams,
                              IndicatorFilter filter) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("limit", Integer.toString(PAGE));
        String query = all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Statement reference = new Statement("SELECT " + COLUMNS + " FROM indicators WHERE current" + where + NEWEST_FIRST,
                sqlParams, true);
        return new Query(kind, "/indicators?" + query, reference,
                IndicatorSql.page(filter, IndicatorSort.PUBLISHED_DESC, null, PAGE + 1), false);
    }
}
