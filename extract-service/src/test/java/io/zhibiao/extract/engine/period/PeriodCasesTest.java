package io.zhibiao.extract.engine.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zhibiao.extract.engine.TableCases;

/** cases/periods.tsv: the first time expression of the input resolves to the expected years. */
class PeriodCasesTest {

    private static final PeriodGrammar GRAMMAR = PeriodGrammar.fromClasspath();

    static Stream<Arguments> cases() {
        return TableCases.arguments("periods");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void resolves(TableCases.Row row) {
        row.assumeSupported();
        List<PeriodExpression> found = GRAMMAR.find(row.get("input"));
        if (row.get("start").equals("-")) {
            assertThat(found).as("time expressions of %s", row.get("input")).isEmpty();
            return;
        }
        assertThat(found).as("time expressions of %s", row.get("input")).isNotEmpty();
        Period p = found.get(0).resolve(Integer.valueOf(row.get("anchor")), Integer.valueOf(row.get("topic")));
        assertThat(p).as("%s resolved", found.get(0).text())
                .isEqualTo(new Period(Integer.parseInt(row.get("start")), Integer.parseInt(row.get("end"))));
    }
}
