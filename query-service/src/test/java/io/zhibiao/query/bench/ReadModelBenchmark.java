package io.zhibiao.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.bench.QueryMix.Kind;
import io.zhibiao.query.bench.QueryMix.Query;
import io.zhibiao.query.repository.IndicatorSql.Statement;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * The read-model benchmark of docs/benchmarks.md: a million generated indicator rows, p50/p99 of
 * typical filtered pages and of series through the HTTP API under concurrent clients, against the
 * same statements sent through plain JDBC in the same run, and consumer throughput. The service is
 * the packaged application in its own JVM ({@link ServiceProcess}) on a real PostgreSQL and an
 * in-process KRaft Kafka. Not part of the test suite; run it with
 * {@code ./mvnw -B -pl query-service verify -Pbench} (the profile packages the service first).
 * Knobs: {@code -Dzhibiao.bench.rows}, {@code .threads} (concurrencies, "2,4"), {@code .requests} (per query kind),
 * {@code .events} (consumer). The figures go to {@code target/read-model-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "zhibiao.bench", matches = "true")
class ReadModelBenchmark {

    private static final Logger LOG = Logger.getLogger(ReadModelBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int ROWS = Integer.getInteger("zhibiao.bench.rows", 1_000_000);
    /**
     * Concurrent clients, one table each: as many as the machine's cores (each request has a core to
     * itself most of the time), and twice as many (requests queue for the cores; p99 then measures
     * the queue as much as the service).
     */
    private static final List<Integer> CONCURRENCY = Arrays.stream(
            System.getProperty("zhibiao.bench.threads", "2,4").split(",")).map(String::trim).map(Integer::valueOf).toList();
    /** The warm-up runs at the highest concurrency. */
    private static final int THREADS = CONCURRENCY.stream().max(Integer::compare).orElseThrow();
    private static final int REQUESTS = Integer.getInteger("zhibiao.bench.requests", 1000);
    private static final int EVENTS = Integer.getInteger("zhibiao.bench.events", 5_000);
    private static final int WARM_UP = Math.max(100, REQUESTS / 2);
    /** Requests whose HTTP answer is compared row by row with the reference SQL's answer. */
    private static final int VERIFIED = 20;
    /** The heap deploy/local/up.sh gives query-service. */
    private static final String SERVICE_HEAP = "512m";

    @Test
    void readModel() throws Exception {
        KafkaKraftResource kafka = new KafkaKraftResource();
        EmbeddedPostgresResource postgres = new EmbeddedPostgresResource();
        Map<String, String> config = new HashMap<>(kafka.start());
        try {
            config.putAll(postgres.start());
            try (ServiceProcess service = ServiceProcess.start(config, SERVICE_HEAP, Duration.ofMinutes(5));
                 Connection db = connect(config)) {
                measure(service.base(), config, db);
            }
        } finally {
            postgres.stop();
            kafka.stop();
        }
    }

    private void measure(URI base, Map<String, String> config, Connection db) throws Exception {
        SyntheticReadModel model = new SyntheticReadModel(20261123L);
        model.readRegions(db);
        long loadStart = System.nanoTime();
        long loaded = model.load(db, ROWS);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(count(db, "SELECT count(*) FROM indicators WHERE current")).isEqualTo(loaded).isEqualTo(ROWS);

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%,d indicator rows in %,d documents, loaded (COPY + index build) in %.0f s; "
                        + "%d measured requests per query and concurrency after 2 × %d warm-up; %d cores.%n", loaded,
                model.documents().size(), loadSeconds, REQUESTS, WARM_UP, Runtime.getRuntime().availableProcessors()));
        Map<Integer, StringBuilder> tables = new TreeMap<>();
        for (int threads : CONCURRENCY) {
            tables.put(threads, new StringBuilder(String.format(Locale.ROOT, "%n%d concurrent clients:%n%n", threads))
                    .append("| query | rows/answer | HTTP p50 ms | HTTP p99 ms | JDBC p50 ms | JDBC p99 ms | p99 HTTP/JDBC | HTTP req/s |\n")
                    .append("|---|---|---|---|---|---|---|---|\n"));
        }
        QueryMix mix = new QueryMix(model);
        StringBuilder plans = new StringBuilder("-- pg_trgm trigrams of a Chinese phrase in this database: ")
                .append(single(db, "SELECT show_trgm('地区生产总值')::text")).append("\n");
        // Both JVMs compile their hot paths while they run: before anything is timed, every kind runs
        // once through both paths, so the first kind measured is not the one that paid for the JIT
        // (a cold client alone halved the first kind's throughput here).
        long seed = 1;
        for (Kind kind : mix.kinds()) {
            List<Query> warmUp = QueryMix.draw(kind, WARM_UP, seed++);
            LoadRunner.run(THREADS, warmUp, () -> new HttpPages(base));
            LoadRunner.run(THREADS, warmUp, () -> new JdbcStatements(config));
        }
        for (Kind kind : mix.kinds()) {
            List<Query> warmUp = QueryMix.draw(kind, WARM_UP, seed++);
            List<Query> measured = QueryMix.draw(kind, REQUESTS, seed++);
            plans.append(explain(db, measured.get(0)));
            double rowsPerAnswer;
            try (HttpPages http = new HttpPages(base)) {
                rowsPerAnswer = verifySameRows(http, db, measured.subList(0, VERIFIED));
            }
            LoadRunner.run(THREADS, warmUp, () -> new HttpPages(base));
            LoadRunner.run(THREADS, warmUp, () -> new JdbcStatements(config));
            for (int threads : CONCURRENCY) {
                Latencies viaHttp = LoadRunner.run(threads, measured, () -> new HttpPages(base));
                Latencies viaJdbc = LoadRunner.run(threads, measured, () -> new JdbcStatements(config));
                tables.get(threads).append(row(kind.name() + " (" + kind.description() + ")", rowsPerAnswer, viaHttp, viaJdbc));
            }
        }
        tables.values().forEach(report::append);

        ConsumerThroughput.Result consumer = new ConsumerThroughput(config.get("kafka.bootstrap.servers"), db)
                .measure(model, EVENTS, Duration.ofMinutes(10));
        report.append(String.format(Locale.ROOT, "%nConsumer, %,d indicator events (20 a document, with their document and "
                        + "extraction records) on top of the loaded rows:%n%n| path | events/s | ratio |%n|---|---|---|%n"
                        + "| Kafka → query-service consumers → PostgreSQL (current rows) | %,.0f | 1 |%n"
                        + "| baseline: plain KafkaConsumer, read + parse only | %,.0f | %.3f |%n"
                        + "| baseline: plain JDBC batched INSERT of the same rows (500 a commit) | %,.0f | %.3f |%n",
                consumer.events(), consumer.readModel(), consumer.rawKafka(), consumer.readModel() / consumer.rawKafka(),
                consumer.jdbcBatch(), consumer.readModel() / consumer.jdbcBatch()));
        Files.writeString(Path.of("target", "read-model-benchmark.md"), report);
        Files.writeString(Path.of("target", "read-model-plans.txt"), plans);
        LOG.info("read-model benchmark:\n" + report);
    }

    private static String row(String name, double rowsPerAnswer, Latencies http, Latencies jdbc) {
        return String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %s | %.1f | %.0f |%n", name, rowsPerAnswer,
                Latencies.millis(http.p50()), Latencies.millis(http.p99()), Latencies.millis(jdbc.p50()),
                Latencies.millis(jdbc.p99()), http.p99() / jdbc.p99(), http.throughput());
    }

    /**
     * The API must return the rows of the reference SQL, and the service's own statement must too: a
     * page in the same order, a series as the sources of its points. Returns the mean rows per answer.
     */
    private double verifySameRows(HttpPages http, Connection db, List<Query> queries) throws Exception {
        long rows = 0;
        for (Query q : queries) {
            JsonNode answer = JSON.readTree(http.get(q.path()));
            List<String> viaHttp = new ArrayList<>();
            if (q.series()) {
                for (JsonNode point : answer.path("points")) {
                    point.path("actuals").forEach(v -> viaHttp.add(v.path("source").path("eventId").asText()));
                    point.path("targets").forEach(v -> viaHttp.add(v.path("source").path("eventId").asText()));
                }
            } else {
                answer.path("items").forEach(item -> viaHttp.add(item.path("eventId").asText()));
            }
            List<String> reference = eventIds(db, q.reference());
            List<String> service = eventIds(db, q.service());
            if (q.series()) {
                assertThat(viaHttp).as("%s: %s", q.kind(), q.path()).containsExactlyInAnyOrderElementsOf(reference);
                assertThat(service).as("service SQL of %s", q.path()).containsExactlyInAnyOrderElementsOf(reference);
            } else {
                assertThat(viaHttp).as("%s: %s", q.kind(), q.path()).isEqualTo(reference);
                // the service asks one row more, to know whether there is a next page
                assertThat(service.subList(0, Math.min(service.size(), QueryMix.PAGE))).as("service SQL of %s", q.path())
                        .isEqualTo(reference);
            }
            rows += reference.size();
        }
        assertThat(rows).as("the %s queries must find rows", queries.get(0).kind()).isPositive();
        return (double) rows / queries.size();
    }

    /**
     * An HTTP client as a browser or a script uses one: a kept-alive connection of its own, the body
     * read in full. Apache HttpClient's blocking client costs the shared cores little, so the
     * latencies are the service's more than the load generator's.
     */
    private static final class HttpPages implements LoadRunner.Client<Query> {

        private final URI base;
        private final CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(new BasicHttpClientConnectionManager())
                .disableContentCompression()
                .disableAutomaticRetries()
                .build();

        HttpPages(URI base) {
            this.base = base;
        }

        @Override
        public void call(Query q) throws IOException {
            get(q.path());
        }

        String get(String path) throws IOException {
            HttpGet request = new HttpGet(base.resolve(path));
            request.setHeader("Accept", "application/json");
            try (CloseableHttpResponse response = client.execute(request)) {
                String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getStatusLine().getStatusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.getStatusLine() + ": " + body);
                }
                return body;
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    /** A client that sends the service's statement on its own connection and reads every column of every row. */
    private static final class JdbcStatements implements LoadRunner.Client<Query> {

        private final Connection connection;

        JdbcStatements(Map<String, String> config) throws SQLException {
            connection = connect(config);
        }

        @Override
        public void call(Query q) throws SQLException {
            try (PreparedStatement ps = q.service().prepare(connection); ResultSet rs = ps.executeQuery()) {
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
            connection.close();
        }
    }

    private static Connection connect(Map<String, String> config) throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
    }

    private static List<String> eventIds(Connection db, Statement statement) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = statement.prepare(db); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString("event_id"));
            }
        }
        return ids;
    }

    /** The plan PostgreSQL runs for the service's statement, with timings: the first place to look when a figure is slow. */
    private static String explain(Connection db, Query q) throws SQLException {
        StringBuilder plan = new StringBuilder("\n-- ").append(q.kind()).append(": ").append(q.path()).append('\n');
        Statement explain = new Statement("EXPLAIN (ANALYZE, BUFFERS) " + q.service().sql(), q.service().params(),
                q.service().planPerCall());
        try (PreparedStatement ps = explain.prepare(db); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (java.sql.Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (java.sql.Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
