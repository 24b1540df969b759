package io.zhibiao.extract.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The engine's case tables, {@code cases/<name>.tsv}: a header row names the columns; {@code #} lines are comments;
 * {@code \n} in a cell is a line break. A non-empty {@code reason} column marks a case the engine does not get
 * right yet: the test reports it as skipped (never deleted).
 */
public final class TableCases {

    /** One row, by column name; {@code line} is its line in the file. */
    public record Row(int line, Map<String, String> cells) {

        public String get(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column + " in case line " + line);
            }
            return v;
        }

        /** Skips the test when the row carries a reason. */
        public void assumeSupported() {
            String reason = cells.getOrDefault("reason", "");
            Assumptions.assumeTrue(reason.isBlank(), () -> "unsupported case (line " + line + "): " + reason);
        }

        @Override
        public String toString() {
            String input = cells.values().iterator().next();
            return line + ": " + (input.length() > 60 ? input.substring(0, 60) + "…" : input);
        }
    }

    private TableCases() {
    }

    /** The rows of {@code /cases/<name>.tsv} as parameterized-test arguments named by input. */
    public static Stream<Arguments> arguments(String name) {
        return read(name).stream().map(r -> Arguments.argumentSet(r.toString(), r));
    }

    public static List<Row> read(String name) {
        String resource = "/cases/" + name + ".tsv";
        try (InputStream in = TableCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String[] header = null;
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (header == null) {
                    header = f;
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    cells.put(header[i], i < f.length ? f[i].replace("\\n", "\n") : "");
                }
                rows.add(new Row(lineNo, cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
