package io.zhibiao.extract.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's contract: no exception on odd text, IllegalArgumentException on no content, offsets into cleanedText. */
class ExtractionEngineTest {

    private static ExtractionEngine engine;

    @BeforeAll
    static void load() {
        engine = ExtractionEngine.fromClasspath();
    }

    static Stream<String> oddTexts() {
        return Stream.of("。。。；；！", "12345678901234567890123456789", "abc def 100% 3.5", "“", "”1个“", "第", "零",
                "<<<>>>", "2022年", "增长", "十四五", "\n\n\n。", "（一）\n（二）", "1-2-3-4-5", "约近超逾以上以下左右",
                "全区地区生产总值" + "1".repeat(400) + "亿元", "、、、、10个、、、", "比2021年增加", "是全国的倍");
    }

    @ParameterizedTest
    @MethodSource("oddTexts")
    void oddTextNeverThrows(String text) {
        Extraction x = engine.extract(new SourceDocument("odd", null, null, null, null, null, "text/plain", text));
        for (IndicatorMention m : x.mentions()) {
            assertThat(x.cleanedText().substring(m.start(), m.end())).isEqualTo(m.quote());
        }
    }

    @Test
    void oddHtmlNeverThrows() {
        Extraction x = engine.extract(new SourceDocument("odd", null, null, null, "not-a-date", "不存在的地方", "text/html",
                "<html><body><table><tr><td>GDP</td><td>738亿元</td></tr></table><p>增长8%</body>"));
        assertThat(x.publishedAt()).isNull();
        assertThat(x.cleanedText()).contains("738亿元");
    }

    @Test
    void emptyContentIsRefused() {
        assertThatThrownBy(() -> engine.extract(new SourceDocument("e", null, null, null, null, null, "text/plain", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.extract(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionComesFromThePom() {
        assertThat(ExtractionEngine.version()).isNotBlank().doesNotContain("${");
    }

    @Test
    void regionHintAndTitleNameTheDocumentRegion() {
        Extraction x = engine.extract(new SourceDocument("h", null, "湘东区2022年经济运行情况", null, "2023-01-10", null,
                "text/plain", "全区地区生产总值达238亿元，增长4.5%。"));
        assertThat(x.documentRegion()).isNotNull();
        assertThat(x.documentRegion().name()).isEqualTo("湘东区");
        assertThat(x.mentions()).anySatisfy(m -> {
            assertThat(m.indicatorCode()).isEqualTo("GDP");
            assertThat(m.region().code()).isEqualTo(x.documentRegion().code());
            assertThat(m.periodStart()).isEqualTo(2023);
        });
    }
}
