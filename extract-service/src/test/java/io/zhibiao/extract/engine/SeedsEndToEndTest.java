package io.zhibiao.extract.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on the five seed documents of /work/shared/seeds (skipped when ../shared is absent). */
class SeedsEndToEndTest {

    private static final Pattern YEAR = Pattern.compile("^(?:19|20)[0-9]{2}年?$");
    private static ExtractionEngine engine;
    private static Path seeds;

    @BeforeAll
    static void load() {
        seeds = Path.of(System.getProperty("zhibiao.root", "."), "..", "shared", "seeds").normalize();
        Assumptions.assumeTrue(Files.isDirectory(seeds), "shared seeds not found at " + seeds + "; skipping");
        engine = ExtractionEngine.fromClasspath();
    }

    private static Extraction extract(String name) throws IOException {
        String text = Files.readString(seeds.resolve(name), StandardCharsets.UTF_8);
        return engine.extract(new SourceDocument(name.replace(".txt", ""), null, null, null, null, null, "text/plain", text));
    }

    @Test
    void lilingGdpIs738YiYuanForLilingCity() throws IOException {
        Extraction x = extract("004_b109499f9d7019ae.txt");
        assertThat(x.documentRegion().code()).isEqualTo("430281");
        assertThat(x.mentions()).anySatisfy(m -> {
            assertThat(m.quote()).isEqualTo("738亿元");
            assertThat(m.value()).isEqualTo(7.38e10);
            assertThat(m.unit()).isEqualTo("CNY");
            assertThat(m.indicatorCode()).isEqualTo("GDP");
            assertThat(m.indicatorName()).isEqualTo("地区生产总值");
            assertThat(m.kind()).isEqualTo("LEVEL");
            assertThat(m.status()).isEqualTo("ACTUAL");
            assertThat(m.region().name()).isEqualTo("醴陵市");
            assertThat(m.region().code()).isEqualTo("430281");
            assertThat(m.region().parents()).extracting(RegionRef::name).containsExactly("株洲市", "湖南省");
        });
    }

    @Test
    void plannedFiguresAreTargets() throws IOException {
        Extraction x = extract("004_b109499f9d7019ae.txt");
        assertThat(x.mentions()).filteredOn(m -> m.quote().equals("10亿美元"))
                .singleElement().satisfies(m -> {
                    assertThat(m.status()).isEqualTo("TARGET");
                    assertThat(m.comparator()).isEqualTo("GE");
                    assertThat(m.indicatorCode()).isEqualTo("FOREIGN_TRADE");
                });
    }

    @Test
    void goalsOfTheTownPlan() throws IOException {
        Extraction x = extract("003_65a199e0d8a26fd3.txt");
        assertThat(x.publishedAt()).isEqualTo("2022-06-06");
        assertThat(x.mentions()).anySatisfy(m -> {
            assertThat(m.quote()).isEqualTo("20%");
            assertThat(m.indicatorCode()).isEqualTo("FISCAL_REVENUE");
            assertThat(m.kind()).isEqualTo("GROWTH_RATE");
            assertThat(m.comparator()).isEqualTo("GE");
            assertThat(m.status()).isEqualTo("TARGET");
            assertThat(m.periodStart()).isEqualTo(2022);
            assertThat(m.region().name()).isEqualTo("官桥镇");
        });
        assertThat(x.mentions()).noneMatch(m -> m.quote().contains("千伏") || m.quote().startsWith("十三"));
    }

    @Test
    void headlineListAndCountersStayOut() throws IOException {
        Extraction news = extract("002_8dd0f41d2bd9aac4.txt");
        assertThat(news.cleanedText()).doesNotContain("2023-03-26 19:57:00").doesNotContain("发稿时间");
        assertThat(news.publishedAt()).isEqualTo("2023-03-26");
        assertThat(news.mentions()).anySatisfy(m -> {
            assertThat(m.quote()).isEqualTo("49.8%");
            assertThat(m.value()).isEqualTo(-49.8);
            assertThat(m.kind()).isEqualTo("GROWTH_RATE");
        });
        Extraction forum = extract("000_5633edfce16ee183.txt");
        assertThat(forum.cleanedText()).doesNotContain("查看: 9485").doesNotContain("积分");
        assertThat(forum.publishedAt()).isEqualTo("2021-09-04");
    }

    @Test
    void everySeedGivesConsistentMentionsAndNoYearAsValue() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().forEach(names::add);
        }
        assertThat(names).hasSize(5);
        for (String name : names) {
            Extraction x = extract(name);
            assertThat(x.mentions()).as(name).isNotEmpty();
            for (int i = 0; i < x.mentions().size(); i++) {
                IndicatorMention m = x.mentions().get(i);
                assertThat(m.mentionIndex()).isEqualTo(i);
                assertThat(x.cleanedText().substring(m.start(), m.end())).isEqualTo(m.quote());
                assertThat(m.sentence()).contains(m.quote());
                assertThat(YEAR.matcher(m.quote()).matches()).as("%s: a year as value: %s", name, m).isFalse();
                assertThat(m.indicatorName()).as("%s: indicator of %s", name, m.quote()).isNotBlank();
                if (i > 0) {
                    assertThat(m.start()).isGreaterThanOrEqualTo(x.mentions().get(i - 1).start());
                }
            }
        }
    }
}
