package io.zhibiao.extract.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs {@code cases/regions.tsv}: one test per line, named by its input. */
class RegionCasesTest {

    private static final String CASES = "/cases/regions.tsv";
    private static final char FACT_MARKER = '^';
    private static final RegionResolver RESOLVER = RegionResolver.standard();

    record Case(String kind, String input, String name, String code, String note, String reason) {
        @Override
        public String toString() {
            return kind + " " + input;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = RegionCasesTest.class.getResourceAsStream(CASES);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                cases.add(new Case(c[0], c[1], c[2], c[3], c[4], c.length > 5 ? c[5] : ""));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void region(Case c) {
        assumeTrue(c.reason().isEmpty(), () -> "unsupported: " + c.reason());
        switch (c.kind()) {
            case "DOCUMENT" -> {
                Optional<Division> region = RESOLVER.resolve(c.input(), null, null).documentRegion();
                assertEquals(expected(c), region.map(d -> d.name() + " " + d.code()).orElse(""), c.note());
            }
            case "FACT" -> {
                int at = c.input().indexOf(FACT_MARKER);
                String text = c.input().substring(0, at) + c.input().substring(at + 1);
                Optional<FactRegion> region = RESOLVER.resolve(text, null, null).regionAt(at);
                assertEquals(expected(c), region.map(r -> (r.name() + " " + nullToEmpty(r.code())).strip()).orElse(""),
                        c.note());
            }
            case "MENTIONS" -> {
                String found = RESOLVER.recognizer().recognize(c.input()).stream()
                        .map(RegionMention::surface).collect(Collectors.joining("、"));
                assertEquals(c.name(), found, c.note());
            }
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        }
    }

    private static String expected(Case c) {
        return (c.name() + " " + c.code()).strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
