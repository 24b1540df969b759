package io.zhibiao.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.bench.QueryMix.Kind;
import io.zhibiao.query.bench.QueryMix.Query;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * The read-model benchmark of docs/benchmarks.md: a million generated indicator rows, p50/p99 of
 * typical filtered pages and of series through the HTTP API under concurrent clients against a
 * plain JDBC {@code SELECT} of the same rows in the same run, and consumer throughput. Not part of
 * the test suite; run it with
 * {@code ./mvnw -q -B -pl query-service test -Dtest=ReadModelBenchmark -Dzhibiao.bench=true}.
 * Knobs: {@code -Dzhibiao.bench.rows}, {@code .threads}, {@code .requests} (per query kind),
 * {@code .events} (consumer). The figures go to {@code target/read-model-benchmark.md}.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "zhibiao.bench", matches = "true")
class ReadModelBenchmark {

    private static final Logger LOG = Logger.getLogger(ReadModelBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int ROWS = Integer.getInteger("zhibiao.bench.rows", 1_000_000);
    private static final int THREADS = Integer.getInteger("zhibiao.bench.threads", 4);
    private static final int REQUESTS = Integer.getInteger("zhibiao.bench.requests", 1000);
    private static final int EVENTS = Integer.getInteger("zhibiao.bench.events", 5_000);
    private static final int WARM_UP = Math.max(50, REQUESTS / 5);
    /** Requests whose HTTP answer is compared row by row with the JDBC answer. */
    private static final int VERIFIED = 20;

    @TestHTTPResource("/")
    URL base;

    @Test
    void readModel() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            SyntheticReadModel model = new SyntheticReadModel(20261123L);
            model.readRegions(db);
            long loadStart = System.nanoTime();
            long loaded = model.load(db, ROWS);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            assertThat(count(db, "SELECT count(*) FROM indicators WHERE current")).isEqualTo(loaded).isEqualTo(ROWS);

            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "%,d indicator rows in %,d documents, loaded (COPY + index build) in %.0f s; "
                            + "%d client threads, %d measured requests per query after %d warm-up.%n%n", loaded,
                    model.documents().size(), loadSeconds, THREADS, REQUESTS, WARM_UP));
            report.append("| query | rows/page | HTTP p50 ms | HTTP p99 ms | JDBC p50 ms | JDBC p99 ms | p99 HTTP/JDBC | HTTP req/s |\n");
            report.append("|---|---|---|---|---|---|---|---|\n");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            QueryMix mix = new QueryMix(model);
            StringBuilder plans = new StringBuilder("-- pg_trgm trigrams of a Chinese phrase in this database: ")
                    .append(single(db, "SELECT show_trgm('地区生产总值')::text")).append("\n");
            long seed = 1;
            List<Query> regionPages = List.of();
            for (Kind kind : mix.kinds()) {
                List<Query> warmUp = QueryMix.draw(kind, WARM_UP, seed++);
                List<Query> measured = QueryMix.draw(kind, REQUESTS, seed++);
                if (kind.name().equals("region+descendants")) {
                    regionPages = measured;
                }
                plans.append(explain(db, measured.get(0)));
                double rowsPerPage = verifySameRows(http, db, measured.subList(0, VERIFIED));
                LoadRunner.run(THREADS, warmUp, () -> q -> get(http, q.path()));
                LoadRunner.run(THREADS, warmUp, () -> jdbc(config));
                Latencies viaHttp = LoadRunner.run(THREADS, measured, () -> q -> get(http, q.path()));
                Latencies viaJdbc = LoadRunner.run(THREADS, measured, () -> jdbc(config));
                report.append(row(kind.name() + " (" + kind.description() + ")", rowsPerPage, viaHttp, viaJdbc));
            }

            ConsumerThroughput.Result consumer = new ConsumerThroughput(config.getValue("kafka.bootstrap.servers", String.class), db)
                    .measure(model, EVENTS, Duration.ofMinutes(10));
            report.append(String.format(Locale.ROOT, "%nConsumer, %,d indicator events (20 a document, with their document and "
                            + "extraction records) on top of the loaded rows:%n%n| path | events/s | ratio |%n|---|---|---|%n"
                            + "| Kafka → query-service consumers → PostgreSQL (current rows) | %,.0f | 1 |%n"
                            + "| baseline: plain KafkaConsumer, read + parse only | %,.0f | %.3f |%n"
                            + "| baseline: plain JDBC batched INSERT of the same rows (500 a commit) | %,.0f | %.3f |%n",
                    consumer.events(), consumer.readModel(), consumer.rawKafka(), consumer.readModel() / consumer.rawKafka(),
                    consumer.jdbcBatch(), consumer.readModel() / consumer.jdbcBatch()));
            report.append(candidate(config, db, regionPages, plans));
            Files.writeString(Path.of("target", "read-model-benchmark.md"), report);
            Files.writeString(Path.of("target", "read-model-plans.txt"), plans);
            LOG.info("read-model benchmark:\n" + report);
        }
    }

    private static String row(String name, double rowsPerPage, Latencies http, Latencies jdbc) {
        return String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %s | %.1f | %.0f |%n", name, rowsPerPage,
                Latencies.millis(http.p50()), Latencies.millis(http.p99()), Latencies.millis(jdbc.p50()),
                Latencies.millis(jdbc.p99()), http.p99() / jdbc.p99(), http.throughput());
    }

    /**
     * The API and the plain SELECT must return the same rows: a page in the same order, a series as
     * the sources of its points. Returns the mean rows per answer.
     */
    private double verifySameRows(HttpClient http, Connection db, List<Query> queries) throws Exception {
        long rows = 0;
        for (Query q : queries) {
            JsonNode answer = JSON.readTree(get(http, q.path()));
            List<String> viaHttp = new ArrayList<>();
            if (q.series()) {
                for (JsonNode point : answer.path("points")) {
                    point.path("actuals").forEach(v -> viaHttp.add(v.path("source").path("eventId").asText()));
                    point.path("targets").forEach(v -> viaHttp.add(v.path("source").path("eventId").asText()));
                }
            } else {
                answer.path("items").forEach(item -> viaHttp.add(item.path("eventId").asText()));
            }
            List<String> viaJdbc = new ArrayList<>();
            try (PreparedStatement ps = prepare(db, q); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    viaJdbc.add(rs.getString("event_id"));
                }
            }
            if (q.series()) {
                assertThat(viaHttp).as("%s: %s", q.kind(), q.path()).containsExactlyInAnyOrderElementsOf(viaJdbc);
            } else {
                assertThat(viaHttp).as("%s: %s", q.kind(), q.path()).isEqualTo(viaJdbc);
            }
            rows += viaJdbc.size();
        }
        assertThat(rows).as("the %s queries must find rows", queries.get(0).kind()).isPositive();
        return (double) rows / queries.size();
    }

    private String get(HttpClient http, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A client that runs the query's SQL on its own connection and reads every column of every row. */
    private static LoadRunner.Client<Query> jdbc(Config config) throws SQLException {
        Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        return new LoadRunner.Client<>() {
            @Override
            public void call(Query q) throws SQLException {
                try (PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        };
    }

    private static PreparedStatement prepare(Connection c, Query q) throws SQLException {
        PreparedStatement ps = c.prepareStatement(q.sql());
        for (int i = 0; i < q.params().size(); i++) {
            ps.setObject(i + 1, q.params().get(i));
        }
        return ps;
    }

    /**
     * Measures, after everything else, the region+descendants pages as a code-prefix equality on
     * expression indexes against the current SQL: same parameters, same phase, plain JDBC, same rows.
     */
    private String candidate(Config config, Connection db, List<Query> current, StringBuilder plans) throws Exception {
        try (Statement st = db.createStatement()) {
            for (String index : QueryMix.PREFIX_INDEXES) {
                st.execute(index);
            }
            st.execute("ANALYZE indicators");
        }
        List<Query> rewritten = current.stream().map(QueryMix::underByCodePrefix).toList();
        for (int i = 0; i < VERIFIED; i++) {
            assertThat(eventIds(db, rewritten.get(i))).as(rewritten.get(i).sql()).isEqualTo(eventIds(db, current.get(i)));
        }
        plans.append(explain(db, rewritten.get(0)));
        LoadRunner.run(THREADS, rewritten.subList(0, WARM_UP), () -> jdbc(config));
        Latencies before = LoadRunner.run(THREADS, current, () -> jdbc(config));
        Latencies after = LoadRunner.run(THREADS, rewritten, () -> jdbc(config));
        return String.format(Locale.ROOT, "%nCandidate for region+descendants (plain JDBC, same %d parameter sets, measured "
                        + "one after the other):%n%n| SQL | p50 ms | p99 ms | p99 ratio |%n|---|---|---|---|%n"
                        + "| current: `region_path @> ARRAY[?]` | %s | %s | 1 |%n"
                        + "| `left(region_code, 2/4/6) = ?` on `(left(region_code, n), published_sort DESC, document_id, "
                        + "mention_index) WHERE current` | %s | %s | %.2f |%n",
                current.size(), Latencies.millis(before.p50()), Latencies.millis(before.p99()),
                Latencies.millis(after.p50()), Latencies.millis(after.p99()), after.p99() / before.p99());
    }

    private static List<String> eventIds(Connection db, Query q) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = prepare(db, q); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString("event_id"));
            }
        }
        return ids;
    }

    /** The plan PostgreSQL runs for a query, with timings: the first place to look when a figure is slow. */
    private static String explain(Connection db, Query q) throws SQLException {
        StringBuilder plan = new StringBuilder("\n-- ").append(q.kind()).append(": ").append(q.path()).append('\n');
        try (PreparedStatement ps = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q.sql())) {
            for (int i = 0; i < q.params().size(); i++) {
                ps.setObject(i + 1, q.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
