package io.zhibiao.query.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.zhibiao.query.support.IndicatorFixture;

/**
 * Generates a realistic read model and loads it with {@code COPY}: documents spread over the
 * gazetteer (a few places are written about far more than others, as in real news), each with a
 * few dozen indicators whose codes, kinds, statuses, periods and sentences follow what the
 * extractor finds in government work reports.
 * <p>
 * The secondary indexes of {@code indicators} are dropped before the load and re-created from
 * their own definitions afterwards (building an index once is much faster than maintaining it row
 * by row), so the benchmark always measures the schema's real indexes.
 */
final class SyntheticReadModel {

    /** A division of the regions table with its ancestors, nearest first. */
    record Region(String code, String name, String level, List<Region> parents) {

        String path() {
            StringBuilder path = new StringBuilder("{").append(code);
            parents.forEach(p -> path.append(',').append(p.code));
            return path.append('}').toString();
        }

        String parentsJson() {
            StringBuilder json = new StringBuilder("[");
            for (Region p : parents) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"code\":\"").append(p.code).append("\",\"name\":\"").append(p.name)
                        .append("\",\"level\":\"").append(p.level).append("\"}");
            }
            return json.append(']').toString();
        }

        Region prefecture() {
            if ("PREFECTURE".equals(level)) {
                return this;
            }
            return parents.stream().filter(p -> "PREFECTURE".equals(p.level)).findFirst().orElse(this);
        }
    }

    /** One generated document, kept so that queries can pick realistic parameters. */
    record Document(String id, Region region, LocalDate published, int indicators) {
    }

    /** One generated indicator mention: the fields of an indicator event. */
    record Mention(String eventId, Document document, String extractionId, String title, int index, String quote,
                   int spanStart, String sentence, String name, String code, double value, String unit,
                   String measureWord, String kind, String comparator, String status, int periodStart, int periodEnd,
                   boolean annualized, Region region) {

        /** One line of {@code COPY indicators (…) FROM STDIN} in text format, every row current. */
        void copyLine(StringBuilder out) {
            out.append(eventId).append('\t').append(document.id).append('\t').append(extractionId).append("\tbench\tt\t")
                    .append(index).append('\t').append(quote).append('\t').append(spanStart).append('\t')
                    .append(spanStart + quote.length()).append('\t').append(sentence).append('\t').append(name).append('\t')
                    .append(code == null ? "\\N" : code).append('\t').append(value).append('\t').append(unit).append('\t')
                    .append(measureWord == null ? "\\N" : measureWord).append('\t').append(kind).append('\t')
                    .append(comparator).append('\t').append(status).append('\t').append(periodStart).append('\t')
                    .append(periodEnd).append('\t').append(annualized ? 't' : 'f').append('\t').append(region.code)
                    .append('\t').append(region.name).append('\t').append(region.level).append('\t')
                    .append(region.parentsJson()).append('\t').append(region.path()).append('\t')
                    .append(document.published).append('\t').append(title).append('\t')
                    // the served JSON, as the service writes it on consumption; COPY's text format escapes backslashes
                    .append(fixture("bench").toJson().replace("\\", "\\\\")).append('\n');
        }

        /** The indicator event of docs/events/indicator.schema.json. */
        Map<String, Object> event(String extractorVersion) {
            return fixture(extractorVersion).toMap();
        }

        private IndicatorFixture fixture(String extractorVersion) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("name", region.name);
            where.put("code", region.code);
            where.put("level", region.level);
            where.put("parents", region.parents.stream()
                    .map(p -> Map.of("code", p.code, "name", p.name, "level", p.level)).toList());
            return new IndicatorFixture(document.id, extractionId, index).eventId(eventId)
                    .extractorVersion(extractorVersion).quote(quote, sentence).spanStart(spanStart)
                    .indicator(name, code).value(value, unit).measureWord(measureWord).kind(kind)
                    .comparator(comparator).status(status).period(periodStart, periodEnd).annualized(annualized)
                    .region(where).published(title, document.published.toString());
        }
    }

    /** Canonical codes, their phrase and their unit as a level; most frequent first (GDP appears in every report). */
    private static final String[][] CODES = {
        {"GDP", "地区生产总值", "CNY"}, {"FISCAL_REVENUE", "财政总收入", "CNY"},
        {"GENERAL_BUDGET_REVENUE", "一般公共预算收入", "CNY"}, {"FIXED_ASSET_INVESTMENT", "固定资产投资", "CNY"},
        {"INDUSTRIAL_VALUE_ADDED", "规模以上工业增加值", "CNY"}, {"RETAIL_SALES", "社会消费品零售总额", "CNY"},
        {"DISPOSABLE_INCOME", "居民人均可支配收入", "CNY"}, {"URBAN_DISPOSABLE_INCOME", "城镇居民人均可支配收入", "CNY"},
        {"RURAL_DISPOSABLE_INCOME", "农村居民人均可支配收入", "CNY"}, {"ENTERPRISES_ABOVE_SCALE", "规模以上企业", "COUNT"},
        {"NEW_URBAN_JOBS", "城镇新增就业", "PERSON"}, {"FOREIGN_TRADE", "外贸进出口总额", "CNY"},
        {"INDUSTRIAL_OUTPUT", "工业总产值", "CNY"}, {"FOREIGN_INVESTMENT", "实际利用外资", "USD"},
        {"HIGH_TECH_ENTERPRISES", "高新技术企业", "COUNT"}, {"FOREST_COVERAGE", "森林覆盖率", "PERCENT"},
        {"URBANIZATION_RATE", "城镇化率", "PERCENT"}, {"AIR_QUALITY_RATE", "空气优良率", "PERCENT"},
        {"TOURISM_REVENUE", "旅游总收入", "CNY"}, {"TOURIST_VISITS", "接待游客", "PERSON_TIME"},
        {"ONLINE_RETAIL", "网络零售额", "CNY"}, {"POPULATION", "常住人口", "PERSON"},
    };

    /** Indicators without a canonical code: phrase and unit. */
    private static final String[][] PHRASES = {
        {"招商引资到位资金", "CNY"}, {"引进亿元以上项目", "COUNT"}, {"新增市场主体", "HOUSEHOLD"}, {"园区面积", "MU"},
        {"新改扩建农村公路", "KM"}, {"棚户区改造", "HOUSEHOLD"}, {"粮食产量", "TON"}, {"研发经费投入", "CNY"},
        {"专利授权量", "COUNT"}, {"新增高标准农田", "MU"}, {"农村自来水普及率", "PERCENT"}, {"电瓷产业年产值", "CNY"},
        {"新建5G基站", "COUNT"}, {"城区建成区面积", "KM2"}, {"民生支出占比", "PERCENT"}, {"脱贫人口", "PERSON"},
        {"新增造林面积", "HECTARE"}, {"保障性住房", "HOUSEHOLD"}, {"重点项目完成投资", "CNY"}, {"县域经济排名", "RANK"},
    };

    private static final String[] ACTUAL_TEMPLATES = {
        "%d年，%s全年%s%s，圆满完成年度目标任务。",
        "过去一年，%2$s坚持稳中求进，%3$s达到%4$s，经济运行持续向好。",
        "%2$s%1$d年%3$s%4$s，主要经济指标保持在合理区间。",
        "据统计，%d年%s%s完成%s，较上年有较大提升。",
    };
    private static final String[] TARGET_TEMPLATES = {
        "%d年经济社会发展的主要预期目标是：%s%s%s以上。",
        "力争到%d年，%s%s突破%s，奋力推动高质量发展。",
        "%d年，%s将确保%s达到%s左右。",
    };

    private final Random random;
    private final List<Region> provinces = new ArrayList<>();
    private final List<Region> prefectures = new ArrayList<>();
    private final List<Region> counties = new ArrayList<>();
    private final List<Region> towns = new ArrayList<>();
    private final Map<String, List<Region>> children = new HashMap<>();
    private final List<Document> documents = new ArrayList<>();

    SyntheticReadModel(long seed) {
        this.random = new Random(seed);
    }

    List<Document> documents() {
        return Collections.unmodifiableList(documents);
    }

    Random random() {
        return random;
    }

    /** Reads the gazetteer that query-service loaded into the regions table. */
    void readRegions(Connection c) throws SQLException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, name, level, parent_code FROM regions ORDER BY code")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        Map<String, Region> built = new HashMap<>();
        for (String code : rows.keySet()) {
            Region region = build(code, rows, built);
            switch (region.level) {
                case "PROVINCE" -> provinces.add(region);
                case "PREFECTURE" -> prefectures.add(region);
                case "COUNTY" -> counties.add(region);
                default -> towns.add(region);
            }
            if (!region.parents.isEmpty()) {
                children.computeIfAbsent(region.parents.get(0).code, k -> new ArrayList<>()).add(region);
            }
        }
        // popularity follows a power law over a random order of places, not over code order
        for (List<Region> level : List.of(provinces, prefectures, counties, towns)) {
            Collections.shuffle(level, random);
        }
    }

    private static Region build(String code, Map<String, String[]> rows, Map<String, Region> built) {
        Region done = built.get(code);
        if (done != null) {
            return done;
        }
        String[] row = rows.get(code);
        List<Region> parents = new ArrayList<>();
        if (row[2] != null && rows.containsKey(row[2])) {
            Region parent = build(row[2], rows, built);
            parents.add(parent);
            parents.addAll(parent.parents);
        }
        Region region = new Region(code, row[0], row[1], List.copyOf(parents));
        built.put(code, region);
        return region;
    }

    /**
     * Generates {@code total} indicator rows (about 20 per document) and COPYs documents,
     * extractions and indicators into the database, all current.
     *
     * @return the number of indicator rows loaded
     */
    long load(Connection c, long total) throws SQLException, IOException {
        List<String[]> indexes = dropSecondaryIndexes(c);
        PGConnection pg = c.unwrap(PGConnection.class);
        CopyIn indicatorCopy = pg.getCopyAPI().copyIn("COPY indicators (event_id, document_id, extraction_id, "
                + "extractor_version, current, mention_index, quote, span_start, span_end, sentence, indicator_name, "
                + "indicator_code, value, unit, measure_word, kind, comparator, status, period_start, period_end, annualized, "
                + "region_code, region_name, region_level, region_parents, region_path, published_at, title, event_json) "
                + "FROM STDIN");
        StringBuilder documentRows = new StringBuilder();
        StringBuilder extractionRows = new StringBuilder();
        StringBuilder batch = new StringBuilder(1 << 20);
        long rows = 0;
        while (rows < total) {
            int count = (int) Math.min(total - rows, 5 + random.nextInt(31));
            Document doc = newDocument(count);
            String extractionId = extractionId(doc);
            String title = title(doc);
            for (Mention mention : mentions(doc)) {
                mention.copyLine(batch);
            }
            rows += count;
            documentRows.append(doc.id).append('\t').append(title).append('\t').append(doc.published).append('\t')
                    .append(String.format(Locale.ROOT, "%064x", doc.id.hashCode() & 0xffffffffL)).append('\t')
                    .append(doc.published.atStartOfDay()).append("+00\tEXTRACTED\t").append(extractionId).append('\t')
                    .append(doc.published.atStartOfDay()).append("+00\tbench\t").append(count).append('\t')
                    .append(doc.region.code).append('\t').append(doc.region.name).append('\n');
            extractionRows.append(extractionId).append('\t').append(doc.id).append("\tbench\tEXTRACTED\t").append(count)
                    .append('\t').append(count).append('\t').append(doc.published.atStartOfDay()).append("+00\tt\n");
            if (batch.length() > (1 << 20) - 4096) {
                write(indicatorCopy, batch);
            }
        }
        write(indicatorCopy, batch);
        indicatorCopy.endCopy();
        pg.getCopyAPI().copyIn("COPY documents (id, title, published_at, content_sha256, received_at, status, "
                + "current_extraction_id, current_completed_at, extractor_version, indicator_count, region_code, region_name) "
                + "FROM STDIN", new java.io.StringReader(documentRows.toString()));
        pg.getCopyAPI().copyIn("COPY extractions (extraction_id, document_id, extractor_version, status, expected_count, "
                + "received_count, completed_at, promoted) FROM STDIN", new java.io.StringReader(extractionRows.toString()));
        recreate(c, indexes);
        return rows;
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    private Document newDocument(int count) {
        Region region = pickRegion();
        LocalDate published = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(9 * 365));
        Document doc = new Document(new UUID(random.nextLong(), random.nextLong()).toString(), region, published, count);
        documents.add(doc);
        return doc;
    }

    /** Counties are written about most, then towns and prefectures; within a level a few places dominate. */
    private Region pickRegion() {
        double level = random.nextDouble();
        List<Region> pool = level < 0.45 ? counties : level < 0.75 ? towns : level < 0.93 ? prefectures : provinces;
        return pool.get(zipf(pool.size(), 1.1));
    }

    /** An index in [0, n) with a power-law preference for small ones (exponent below 1 would be flatter). */
    private int zipf(int n, double exponent) {
        double u = random.nextDouble();
        // inverse of the continuous power law on [1, n+1)
        double x = exponent == 1.0 ? Math.pow(n + 1, u)
                : Math.pow(1 + u * (Math.pow(n + 1, 1 - exponent) - 1), 1 / (1 - exponent));
        return Math.min(n - 1, (int) x - 1);
    }

    static String extractionId(Document doc) {
        return doc.id + "-x1";
    }

    static String title(Document doc) {
        return doc.region.name + doc.published.getYear() + "年政府工作报告";
    }

    /** A new document of {@code count} mentions, not loaded: for the consumer benchmark. */
    List<Mention> newMentions(int count) {
        return mentions(newDocument(count));
    }

    private List<Mention> mentions(Document doc) {
        List<Mention> mentions = new ArrayList<>(doc.indicators);
        for (int i = 0; i < doc.indicators; i++) {
            mentions.add(mention(doc, extractionId(doc), title(doc), i));
        }
        return mentions;
    }

    private Mention mention(Document doc, String extractionId, String title, int index) {
        Region region = doc.region;
        double where = random.nextDouble();
        if (where < 0.08 && children.containsKey(region.code)) {
            List<Region> kids = children.get(region.code);
            region = kids.get(random.nextInt(kids.size()));
        } else if (where < 0.12 && !region.parents.isEmpty()) {
            region = region.parents.get(0);
        }
        boolean coded = random.nextDouble() < 0.62;
        String[] indicator = coded ? CODES[zipf(CODES.length, 0.9)] : PHRASES[random.nextInt(PHRASES.length)];
        String code = coded ? indicator[0] : null;
        String name = coded ? indicator[1] : indicator[0];
        String levelUnit = coded ? indicator[2] : indicator[1];
        boolean target = random.nextDouble() < 0.3;
        String kind;
        double k = random.nextDouble();
        if ("PERCENT".equals(levelUnit) || "RANK".equals(levelUnit)) {
            kind = "RANK".equals(levelUnit) ? "RANK" : "LEVEL";
        } else {
            kind = k < 0.45 ? "GROWTH_RATE" : k < 0.93 ? "LEVEL" : "CHANGE";
        }
        String unit;
        double value;
        String quote;
        String measureWord = null;
        switch (kind) {
            case "GROWTH_RATE" -> {
                unit = "PERCENT";
                value = Math.round((random.nextGaussian() * 4 + 7) * 10) / 10.0;
                quote = trim(value) + "%";
            }
            case "CHANGE" -> {
                unit = "PERCENTAGE_POINT";
                value = Math.round((random.nextGaussian() * 2) * 10) / 10.0;
                quote = trim(Math.abs(value)) + "个百分点";
            }
            case "RANK" -> {
                unit = "RANK";
                value = 1 + random.nextInt(100);
                quote = "第" + trim(value) + "位";
            }
            default -> {
                unit = levelUnit;
                value = levelValue(unit);
                quote = quoteOf(value, unit);
                if ("COUNT".equals(unit)) {
                    measureWord = random.nextBoolean() ? "家" : "个";
                    quote = trim(value) + measureWord;
                }
            }
        }
        int year = doc.published.getYear();
        int start;
        int end;
        if (random.nextDouble() < 0.1) {
            start = year <= 2020 ? 2016 : 2021;
            end = start + 4;
        } else {
            start = target ? year : year - 1;
            end = start;
        }
        String comparator = target ? (random.nextBoolean() ? "GE" : "APPROX") : (random.nextDouble() < 0.9 ? "EQ" : "GE");
        String[] templates = target ? TARGET_TEMPLATES : ACTUAL_TEMPLATES;
        String verb = "GROWTH_RATE".equals(kind) ? "增长" : "";
        String sentence = String.format(Locale.ROOT, templates[random.nextInt(templates.length)], end, region.name, name,
                verb + quote);
        int spanStart = 40 * index + sentence.indexOf(quote);
        return new Mention(extractionId + "-" + index, doc, extractionId, title, index, quote, spanStart, sentence, name,
                code, value, unit, measureWord, kind, comparator, target ? "TARGET" : "ACTUAL", start, end,
                start != end && "GROWTH_RATE".equals(kind), region);
    }

    /** A plausible level in base units: yuan from millions to hundreds of billions, counts in the tens to thousands. */
    private double levelValue(String unit) {
        double magnitude = switch (unit) {
            case "CNY" -> Math.pow(10, 7 + random.nextDouble() * 4.5);
            case "USD" -> Math.pow(10, 6 + random.nextDouble() * 3);
            case "PERSON", "PERSON_TIME" -> Math.pow(10, 3 + random.nextDouble() * 4);
            case "PERCENT" -> 40 + random.nextDouble() * 58;
            case "TON" -> Math.pow(10, 3 + random.nextDouble() * 3);
            default -> Math.pow(10, 1 + random.nextDouble() * 3);
        };
        return round(magnitude, unit);
    }

    private static double round(double value, String unit) {
        return switch (unit) {
            case "CNY", "USD" -> Math.round(value / 1e6) * 1e6;
            case "PERCENT", "KM2" -> Math.round(value * 100) / 100.0;
            default -> Math.round(value);
        };
    }

    private static String quoteOf(double value, String unit) {
        return switch (unit) {
            case "CNY" -> value >= 1e8 ? trim(value / 1e8) + "亿元" : trim(value / 1e4) + "万元";
            case "USD" -> trim(value / 1e4) + "万美元";
            case "PERSON" -> value >= 1e4 ? trim(value / 1e4) + "万人" : trim(value) + "人";
            case "PERSON_TIME" -> value >= 1e4 ? trim(value / 1e4) + "万人次" : trim(value) + "人次";
            case "PERCENT" -> trim(value) + "%";
            case "HOUSEHOLD" -> trim(value) + "户";
            case "MU" -> trim(value) + "亩";
            case "KM" -> trim(value) + "公里";
            case "KM2" -> trim(value) + "平方公里";
            case "HECTARE" -> trim(value) + "公顷";
            case "TON" -> trim(value) + "吨";
            default -> trim(value);
        };
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("\\.?0+$", "");
    }

    /** Drops the indexes of {@code indicators} other than its primary key and returns their definitions. */
    private static List<String[]> dropSecondaryIndexes(Connection c) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                     + "AND tablename = 'indicators' AND indexname NOT IN "
                     + "(SELECT conname FROM pg_constraint WHERE conrelid = 'indicators'::regclass)")) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement st = c.createStatement()) {
            for (String[] index : indexes) {
                st.execute("DROP INDEX " + index[0]);
            }
        }
        return indexes;
    }

    private static void recreate(Connection c, List<String[]> indexes) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET maintenance_work_mem = '512MB'");
            for (String[] index : indexes) {
                st.execute(index[1]);
            }
            // as after autovacuum in production: statistics, and a visibility map for index-only scans
            st.execute("VACUUM ANALYZE indicators");
            st.execute("VACUUM ANALYZE documents");
            st.execute("VACUUM ANALYZE extractions");
        }
    }

    /** Every region that has children, for the region filters. */
    List<Region> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }
}
