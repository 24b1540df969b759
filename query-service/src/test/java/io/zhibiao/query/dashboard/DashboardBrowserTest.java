package io.zhibiao.query.dashboard;

import static io.restassured.RestAssured.given;
import static io.zhibiao.query.dashboard.SeedDocument.XIAYANG;
import static io.zhibiao.query.dashboard.SeedDocument.YANLING;
import static io.zhibiao.query.dashboard.SeedDocument.YOUXIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * Drives the dashboard in Debian's headless chromium against the real query-service, Kafka and
 * PostgreSQL. The data arrives through the topics, as in production. Each check compares what the
 * page shows with what the API answers for the same filters, and the API answer with the seed, so
 * that neither a broken page nor a broken query can pass.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Evidence text as a hostile page could carry it; the dashboard must show it as text. */
    private static final String HOSTILE_SENTENCE =
            "社会消费品零售总额增长5.2%<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\">。";

    private static SeedDocument report2022;
    private static SeedDocument report2023;
    private static SeedDocument neighbour;

    @TestHTTPResource("/")
    URL page;

    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void seedAndOpenBrowser() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installed(),
                "skipped: needs Debian's /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        if (report2022 == null) {
            seed();
        }
        chromium = HeadlessChromium.start();
        driver = chromium.driver;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void picksRegionFiltersAndChartsTheSeries() throws IOException {
        driver.get(page.toString());
        WebElement regionInput = driver.findElement(By.id("region-input"));
        regionInput.sendKeys("炎陵");
        waitUntil(d -> !d.findElements(By.cssSelector("#region-options li[data-code='430225']")).isEmpty());
        driver.findElement(By.cssSelector("#region-options li[data-code='430225']")).click();

        // The county and, with "include descendants" (on by default), its town.
        Set<String> county = apiEventIds(Map.of("region", YANLING.code(), "includeDescendants", "true"));
        assertThat(county).containsAll(report2022.eventIds()).containsAll(report2023.eventIds())
                .doesNotContainAnyElementsOf(neighbour.eventIds());
        waitForRows(county);
        assertThat(texts("#indicator-table .c-region")).isNotEmpty().allMatch(r -> r.equals("炎陵县") || r.equals("霞阳镇"));
        assertThat(driver.getCurrentUrl()).contains("region=430225");
        waitUntil(d -> !d.findElements(By.cssSelector("#region-children button[data-code='430225100']")).isEmpty());

        // A level in yuan shows in 亿元, with its quote highlighted in the evidence sentence.
        WebElement level = row(report2022.eventId(1));
        assertThat(level.findElement(By.cssSelector(".c-value")).getText()).isEqualTo("136.5亿元");
        assertThat(level.findElement(By.cssSelector(".sentence mark")).getText()).isEqualTo("136.5亿元");
        assertThat(level.findElement(By.cssSelector(".doc-link")).getDomAttribute("href"))
                .isEqualTo("/documents/" + report2022.documentId);

        // Hostile evidence is shown as text: no element is created and nothing runs.
        WebElement hostile = row(report2023.eventId(2));
        WebElement sentence = hostile.findElement(By.cssSelector(".sentence"));
        assertThat(sentence.getText()).contains("<script>window.__pwned = true</script>").contains("<img src=x");
        assertThat(sentence.findElements(By.cssSelector("script, img"))).isEmpty();
        assertThat(sentence.findElement(By.cssSelector("mark")).getText()).isEqualTo("5.2%");
        assertThat(js("return window.__pwned === undefined")).isEqualTo(true);

        // Without descendants the town's row goes away.
        driver.findElement(By.id("include-descendants")).click();
        Set<String> countyOnly = apiEventIds(Map.of("region", YANLING.code()));
        assertThat(countyOnly).doesNotContain(report2022.eventId(4)).contains(report2022.eventId(0));
        waitForRows(countyOnly);

        // One indicator: the table narrows and the series chart draws actuals against targets.
        new Select(driver.findElement(By.id("code-select"))).selectByValue("GDP");
        Set<String> gdp = apiEventIds(Map.of("region", YANLING.code(), "code", "GDP"));
        assertThat(gdp).containsExactlyInAnyOrder(report2022.eventId(0), report2022.eventId(1), report2022.eventId(2),
                report2023.eventId(0), report2023.eventId(1));
        waitForRows(gdp);
        waitUntil(d -> Boolean.TRUE.equals(js("const c = document.querySelector('#series-chart canvas');"
                + " return c !== null && c.width > 0 && c.height > 0 && c.offsetParent !== null")));
        // growth has a target/actual pair (2022: at least 7.5%, reached 7.8%), so it is the measure charted
        waitUntil(d -> texts("#attainment li.met").stream().anyMatch(t -> t.startsWith("2022") && t.contains("7.8%")));

        // Status and kind narrow further.
        new Select(driver.findElement(By.id("status-select"))).selectByValue("TARGET");
        Set<String> targets = apiEventIds(Map.of("region", YANLING.code(), "code", "GDP", "status", "TARGET"));
        assertThat(targets).containsExactlyInAnyOrder(report2022.eventId(2), report2023.eventId(1));
        waitForRows(targets);
        assertThat(texts("#indicator-table .badge")).allMatch(b -> b.contains("TARGET"));
        screenshot("dashboard.png");
    }

    @Test
    void loadsMorePagesUntilTheCursorEnds() {
        driver.get(page + "?limit=2&region=430225&includeDescendants=true&periodFrom=2021&periodTo=2022");
        Set<String> expected = apiEventIds(Map.of("region", YANLING.code(), "includeDescendants", "true",
                "periodFrom", "2021", "periodTo", "2022"));
        assertThat(expected).hasSizeGreaterThan(4).doesNotContain(report2023.eventId(1));
        waitUntil(d -> rowIds().size() == 2 && d.findElement(By.id("load-more")).isDisplayed());
        while (driver.findElement(By.id("load-more")).isDisplayed()) {
            int before = rowIds().size();
            driver.findElement(By.id("load-more")).click();
            waitUntil(d -> rowIds().size() > before);
        }
        List<String> shown = rowIds();
        assertThat(shown).doesNotHaveDuplicates();
        assertThat(Set.copyOf(shown)).isEqualTo(expected);
    }

    @Test
    void showsNewIndicatorsLive() throws IOException {
        driver.get(page + "?region=430200&includeDescendants=true&code=GDP");
        waitForRows(apiEventIds(Map.of("region", "430200", "includeDescendants", "true", "code", "GDP")));
        // 株洲市 itself has no GDP figures: the chart opens on the county with a target/actual pair
        waitUntil(d -> "430225".equals(js("return document.getElementById('series-region-select').value"))
                && d.findElement(By.id("series-region-select")).isDisplayed());
        waitUntil(d -> "open".equals(d.findElement(By.id("live-status")).getDomAttribute("data-state")));

        SeedDocument news = new SeedDocument("攸县一季度经济运行情况", "2023-04-20", YOUXIAN)
                .mention("一季度，攸县地区生产总值同比增长6.2%。", "6.2%", "地区生产总值", "GDP", 6.2, "PERCENT",
                        "GROWTH_RATE", "EQ", "ACTUAL", 2023, 2023, YOUXIAN)
                .mention("一季度，攸县新增市场主体1200户。", "1200户", "新增市场主体", null, 1200, "HOUSEHOLD",
                        "LEVEL", "EQ", "ACTUAL", 2023, 2023, YOUXIAN);
        try (SeedProducer producer = new SeedProducer(bootstrapServers())) {
            producer.publish(news);
        }

        // The GDP mention arrives on top, marked new; the other indicator does not match the filter.
        waitUntil(d -> rowIds().contains(news.eventId(0)));
        assertThat(rowIds().get(0)).isEqualTo(news.eventId(0));
        assertThat(row(news.eventId(0)).getDomAttribute("class")).contains("is-new");
        assertThat(rowIds()).doesNotContain(news.eventId(1));
        screenshot("dashboard-live.png");
    }

    private void seed() {
        report2022 = new SeedDocument("炎陵县2022年政府工作报告", "2022-01-18", YANLING)
                .mention("2021年，全县地区生产总值增长8.3%，总量达到136.5亿元。", "8.3%", "地区生产总值", "GDP", 8.3,
                        "PERCENT", "GROWTH_RATE", "EQ", "ACTUAL", 2021, 2021, YANLING)
                .mention("2021年，全县地区生产总值增长8.3%，总量达到136.5亿元。", "136.5亿元", "地区生产总值", "GDP",
                        13_650_000_000d, "CNY", "LEVEL", "EQ", "ACTUAL", 2021, 2021, YANLING)
                .mention("今年主要预期目标是：地区生产总值增长7.5%以上，一般公共预算收入增长6%。", "7.5%", "地区生产总值", "GDP",
                        7.5, "PERCENT", "GROWTH_RATE", "GE", "TARGET", 2022, 2022, YANLING)
                .mention("今年主要预期目标是：地区生产总值增长7.5%以上，一般公共预算收入增长6%。", "6%", "一般公共预算收入",
                        "GENERAL_BUDGET_REVENUE", 6, "PERCENT", "GROWTH_RATE", "EQ", "TARGET", 2022, 2022, YANLING)
                .mention("霞阳镇规模以上工业企业达到26家。", "26家", "规模以上工业企业", "ENTERPRISES_ABOVE_SCALE", 26, "COUNT",
                        "LEVEL", "EQ", "ACTUAL", 2021, 2021, XIAYANG);
        report2023 = new SeedDocument("炎陵县2023年政府工作报告", "2023-01-16", YANLING)
                .mention("2022年，全县地区生产总值增长7.8%，高于年初目标。", "7.8%", "地区生产总值", "GDP", 7.8, "PERCENT",
                        "GROWTH_RATE", "EQ", "ACTUAL", 2022, 2022, YANLING)
                .mention("2023年地区生产总值增长7%左右。", "7%", "地区生产总值", "GDP", 7, "PERCENT", "GROWTH_RATE",
                        "APPROX", "TARGET", 2023, 2023, YANLING)
                .mention(HOSTILE_SENTENCE, "5.2%", "社会消费品零售总额", "RETAIL_SALES", 5.2, "PERCENT", "GROWTH_RATE",
                        "EQ", "ACTUAL", 2022, 2022, YANLING)
                .mention("森林覆盖率达到83.55%，位居全省前列。", "83.55%", "森林覆盖率", "FOREST_COVERAGE", 83.55, "PERCENT",
                        "LEVEL", "EQ", "ACTUAL", 2022, 2022, YANLING);
        neighbour = new SeedDocument("攸县2023年政府工作报告", "2023-01-10", YOUXIAN)
                .mention("2022年，全县地区生产总值增长6.9%。", "6.9%", "地区生产总值", "GDP", 6.9, "PERCENT",
                        "GROWTH_RATE", "EQ", "ACTUAL", 2022, 2022, YOUXIAN);
        try (SeedProducer producer = new SeedProducer(bootstrapServers())) {
            producer.publish(report2022);
            producer.publish(report2023);
            producer.publish(neighbour);
        }
        List<String> all = new ArrayList<>(report2022.eventIds());
        all.addAll(report2023.eventIds());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(apiEventIds(Map.of("region", YANLING.code(), "includeDescendants", "true"))).containsAll(all);
            assertThat(apiEventIds(Map.of("region", YOUXIAN.code()))).containsAll(neighbour.eventIds());
        });
    }

    /** Every event id the API lists for these filters, following the cursor to the end. */
    private static Set<String> apiEventIds(Map<String, String> filters) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            var request = given().accept("application/json").queryParams(filters).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/indicators").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.eventId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private void waitForRows(Set<String> expected) {
        waitUntil(d -> Set.copyOf(rowIds()).equals(expected) && rowIds().size() == expected.size());
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) js("return [...document.querySelectorAll('#indicator-table tbody.item')].map(b => b.dataset.eventId)");
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", selector);
    }

    private WebElement row(String eventId) {
        return driver.findElement(By.cssSelector("#indicator-table tbody.item[data-event-id='" + eventId + "']"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** For humans reviewing a build: what the page looked like at the end of a test. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = chromium.driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
