package io.zhibiao.extract.engine.number;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * A table of grammar cases, {@code cases/<grammar>.tsv}: input, expected, note, and an optional reason that marks a
 * case the grammar does not support yet. expected is {@code -} (no quantity) or quantities separated by {@code ;},
 * each {@code text|value|unit|comparator[|measureWord]}, unit {@code null} for a bare number.
 */
final class CaseFile {

    /** One row. */
    record Case(int line, String input, List<Expected> expected, String note, String unsupported) {
        @Override
        public String toString() {
            return input;
        }
    }

    /** One expected quantity; measureWord null means "not checked". */
    record Expected(String text, double value, String unit, Comparator comparator, String measureWord) {
        @Override
        public String toString() {
            return text + "|" + value + "|" + unit + "|" + comparator + (measureWord == null ? "" : "|" + measureWord);
        }
    }

    private CaseFile() {
    }

    /** The rows of {@code /cases/<name>.tsv} as arguments (the case itself), named by input. */
    static Stream<Arguments> arguments(String name) {
        return read(name).stream().map(c -> Arguments.argumentSet(c.input(), c));
    }

    static List<Case> read(String name) {
        String resource = "/cases/" + name + ".tsv";
        try (InputStream in = CaseFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("input\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 3) {
                    throw new IllegalArgumentException(resource + ":" + lineNo + ": expected input, expected, note[, reason]");
                }
                String reason = f.length > 3 && !f[3].isBlank() ? f[3] : null;
                cases.add(new Case(lineNo, f[0], expected(resource, lineNo, f[1]), f[2], reason));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Expected> expected(String resource, int lineNo, String column) {
        List<Expected> out = new ArrayList<>();
        if (column.equals("-")) {
            return out;
        }
        for (String item : column.split(";")) {
            String[] p = item.trim().split("\\|", -1);
            if (p.length < 4) {
                throw new IllegalArgumentException(resource + ":" + lineNo + ": expected text|value|unit|comparator: " + item);
            }
            out.add(new Expected(p[0], Double.parseDouble(p[1]), p[2].equals("null") ? null : p[2],
                    Comparator.valueOf(p[3]), p.length > 4 ? p[4] : null));
        }
        return out;
    }
}
