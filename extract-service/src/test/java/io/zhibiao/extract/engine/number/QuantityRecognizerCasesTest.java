package io.zhibiao.extract.engine.number;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The grammar cases of cases/{numbers,units,comparators,ranges}.tsv, one parameterized test per file. */
class QuantityRecognizerCasesTest {

    private static final QuantityRecognizer RECOGNIZER = QuantityRecognizer.fromClasspath();

    static Stream<Arguments> numbers() {
        return CaseFile.arguments("numbers");
    }

    static Stream<Arguments> units() {
        return CaseFile.arguments("units");
    }

    static Stream<Arguments> comparators() {
        return CaseFile.arguments("comparators");
    }

    static Stream<Arguments> ranges() {
        return CaseFile.arguments("ranges");
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void numbers(CaseFile.Case c) {
        check(c);
    }

    @ParameterizedTest
    @MethodSource("units")
    void units(CaseFile.Case c) {
        check(c);
    }

    @ParameterizedTest
    @MethodSource("comparators")
    void comparators(CaseFile.Case c) {
        check(c);
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void ranges(CaseFile.Case c) {
        check(c);
    }

    static void check(CaseFile.Case c) {
        assumeTrue(c.unsupported() == null, () -> "unsupported: " + c.unsupported());
        List<Quantity> actual = RECOGNIZER.recognize(c.input());
        assertThat(render(actual, c.expected()))
                .as("line %d (%s)", c.line(), c.note())
                .isEqualTo(c.expected().stream().map(CaseFile.Expected::toString).collect(Collectors.joining(" ; ")));
        for (Quantity q : actual) {
            assertThat(c.input().substring(q.start(), q.end())).as("span of %s", q.text()).isEqualTo(q.text());
        }
    }

    /** Renders actual quantities like the expected ones (measure words only where the expectation names one). */
    static String render(List<Quantity> actual, List<CaseFile.Expected> expected) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < actual.size(); i++) {
            Quantity q = actual.get(i);
            CaseFile.Expected e = i < expected.size() ? expected.get(i) : null;
            double value = e != null && Math.abs(q.value() - e.value()) <= 1e-9 * Math.max(1, Math.abs(e.value()))
                    ? e.value() : q.value();
            boolean withMeasureWord = e != null && e.measureWord() != null;
            if (i > 0) {
                sb.append(" ; ");
            }
            sb.append(new CaseFile.Expected(q.text(), value, q.unit(), q.comparator(),
                    withMeasureWord ? String.valueOf(q.measureWord()) : null));
        }
        return sb.toString();
    }
}
