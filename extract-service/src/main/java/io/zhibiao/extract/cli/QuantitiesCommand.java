package io.zhibiao.extract.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.extract.engine.number.Quantity;
import io.zhibiao.extract.engine.number.QuantityRecognizer;

/**
 * {@code zhibiao-extract --quantities}: reads lines of text on stdin and prints, per line, one JSON array of the
 * quantities {@link QuantityRecognizer} finds in it: {@code [{"text":"738亿元","start":7,"end":12,"value":7.38E10,
 * "unit":"CNY","comparator":"EQ"}]}. Offsets are char offsets into the line.
 */
public final class QuantitiesCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QuantitiesCommand() {
    }

    /** Runs the command with a recognizer loaded from the classpath; returns the process exit code (0). */
    public static int run(InputStream in, PrintStream out) {
        return run(QuantityRecognizer.fromClasspath(), in, out);
    }

    /** Runs the command with the given recognizer; returns the process exit code (0). */
    public static int run(QuantityRecognizer recognizer, InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(toJson(recognizer.recognize(line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        out.flush();
        return 0;
    }

    /** The JSON array printed for one line. */
    public static String toJson(List<Quantity> quantities) {
        List<Map<String, Object>> rows = new ArrayList<>(quantities.size());
        for (Quantity q : quantities) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("text", q.text());
            row.put("start", q.start());
            row.put("end", q.end());
            row.put("value", q.value());
            row.put("unit", q.unit());
            row.put("measureWord", q.measureWord());
            row.put("comparator", q.comparator().name());
            rows.add(row);
        }
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize quantities", e);
        }
    }
}
