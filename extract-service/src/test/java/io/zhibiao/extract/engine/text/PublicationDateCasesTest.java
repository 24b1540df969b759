package io.zhibiao.extract.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zhibiao.extract.engine.TableCases;

/** cases/pubdates.tsv: metadata first, else a date stated near the top of the page, else none. */
class PublicationDateCasesTest {

    private final PublicationDateFinder finder = new PublicationDateFinder();

    static Stream<Arguments> cases() {
        return TableCases.arguments("pubdates");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void finds(TableCases.Row row) {
        row.assumeSupported();
        String meta = row.get("metadata").equals("-") ? null : row.get("metadata");
        String expected = row.get("expected").equals("-") ? null : row.get("expected");
        assertThat(finder.find(meta, row.get("input")).orElse(null)).isEqualTo(expected);
    }
}
