package io.zhibiao.extract.engine.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.IndicatorMention;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.TableCases;

/** cases/targets.tsv: goal cues and sections of goals make a figure a TARGET; results stay ACTUAL. */
class TargetCasesTest {

    private static ExtractionEngine engine;

    @BeforeAll
    static void load() {
        engine = ExtractionEngine.fromClasspath();
    }

    static Stream<Arguments> cases() {
        return TableCases.arguments("targets");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void status(TableCases.Row row) {
        row.assumeSupported();
        List<IndicatorMention> mentions = engine.extract(new SourceDocument("case", null, null, null,
                row.get("publishedAt"), null, "text/plain", row.get("input"))).mentions();
        List<IndicatorMention> quoted = mentions.stream().filter(m -> m.quote().equals(row.get("quote"))).toList();
        assertThat(quoted).as("mentions quoted %s in %s", row.get("quote"), mentions).isNotEmpty();
        assertThat(quoted).extracting(IndicatorMention::status).contains(row.get("status"));
    }
}
