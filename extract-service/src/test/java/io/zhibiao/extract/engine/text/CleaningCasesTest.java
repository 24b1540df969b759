package io.zhibiao.extract.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zhibiao.extract.engine.TableCases;

/** cases/cleaning.tsv: which lines are page boilerplate. */
class CleaningCasesTest {

    private static final TextCleaner CLEANER = TextCleaner.fromClasspath();

    static Stream<Arguments> cases() {
        return TableCases.arguments("cleaning");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dropsBoilerplate(TableCases.Row row) {
        row.assumeSupported();
        String line = row.get("input").replace('\u3000', ' ').strip();
        assertThat(CLEANER.isBoilerplate(line)).as("dropped: %s", line).isEqualTo(Boolean.parseBoolean(row.get("dropped")));
    }
}
