package io.zhibiao.extract.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.IndicatorAgreement;
import io.zhibiao.extract.engine.IndicatorMention;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.TableCases;

/** cases/indicators.tsv: in one sentence, the figure with the given quote has the expected indicator, code, kind, value, unit. */
class IndicatorCasesTest {

    private static ExtractionEngine engine;

    @BeforeAll
    static void load() {
        engine = ExtractionEngine.fromClasspath();
    }

    static Stream<Arguments> cases() {
        return TableCases.arguments("indicators");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void figureOfSentence(TableCases.Row row) {
        row.assumeSupported();
        Extraction x = engine.extract(new SourceDocument("case", null, null, null, null, null, "text/plain", row.get("input")));
        String quote = row.get("quote");
        List<IndicatorMention> found = x.mentions().stream().filter(m -> m.quote().equals(quote)).toList();
        assertThat(found).as("mentions quoted %s in %s", quote, x.mentions()).isNotEmpty();
        String code = row.get("code").equals("-") ? null : row.get("code");
        List<String> names = List.of(row.get("indicator").split("\\|"));
        double value = Double.parseDouble(row.get("value"));
        assertThat(found).as("expected %s %s %s %s %s", names, code, row.get("kind"), value, row.get("unit"))
                .anySatisfy(m -> {
                    assertThat(m.value()).isCloseTo(value, org.assertj.core.data.Offset.offset(Math.abs(value) * 1e-9 + 1e-9));
                    assertThat(m.unit()).isEqualTo(row.get("unit"));
                    assertThat(m.kind()).isEqualTo(row.get("kind"));
                    assertThat(m.indicatorCode()).isEqualTo(code);
                    assertThat(IndicatorAgreement.agrees(code, names, m.indicatorCode(), m.indicatorName()))
                            .as("indicator %s agrees with %s", m.indicatorName(), names).isTrue();
                });
    }
}
