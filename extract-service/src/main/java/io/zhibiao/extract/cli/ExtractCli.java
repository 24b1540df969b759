package io.zhibiao.extract.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.event.IndicatorEvent;
import io.zhibiao.extract.engine.event.IndicatorEvents;

/**
 * Command-line extraction: {@code java -jar zhibiao-extract.jar PATH…} reads .txt/.html/.json files or folders and
 * prints one indicator event JSON per line on stdout; progress and a summary go to stderr, an unreadable file is
 * reported and skipped. {@code --quantities} reads lines on stdin and prints the numbers found in each.
 */
public final class ExtractCli {

    private static final String USAGE = """
            usage: java -jar zhibiao-extract.jar PATH...      extract indicator events (JSON lines) from .txt/.html/.json files or folders
                   java -jar zhibiao-extract.jar --quantities < lines   print the quantities of each input line as a JSON array
                   java -jar zhibiao-extract.jar --version""";

    private ExtractCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(Arrays.asList(args), out, err);
        out.flush();
        System.exit(code);
    }

    /** Runs the command; returns the exit code (0 ok, 1 some files failed, 2 usage). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            err.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.contains("--version")) {
            out.println(ExtractionEngine.version());
            return 0;
        }
        if (args.get(0).equals("--quantities")) {
            return QuantitiesCommand.run(System.in, out);
        }
        return extract(args, out, err);
    }

    private static int extract(List<String> args, PrintStream out, PrintStream err) {
        ObjectMapper mapper = IndicatorEvents.mapper();
        DocumentFiles files = new DocumentFiles(mapper);
        List<Path> paths;
        try {
            paths = files.expand(args);
        } catch (IOException e) {
            err.println("cannot list " + args + ": " + e.getMessage());
            return 1;
        }
        long loadStart = System.nanoTime();
        ExtractionEngine engine = ExtractionEngine.fromClasspath();
        err.printf("zhibiao-extract %s: engine loaded in %d ms, %d file(s)%n", ExtractionEngine.version(),
                (System.nanoTime() - loadStart) / 1_000_000, paths.size());
        int documents = 0;
        int events = 0;
        int failed = 0;
        long chars = 0;
        long start = System.nanoTime();
        for (Path p : paths) {
            SourceDocument doc;
            try {
                doc = files.read(p);
            } catch (IOException | UncheckedIOException e) {
                err.printf("skipped %s: %s%n", p, e.getMessage());
                failed++;
                continue;
            }
            if (doc.content().isBlank()) {
                err.printf("skipped %s: empty%n", p);
                failed++;
                continue;
            }
            Extraction extraction = engine.extract(doc);
            List<IndicatorEvent> list = IndicatorEvents.events(doc, extraction, IndicatorEvents.extractionId(doc, null));
            for (IndicatorEvent e : list) {
                out.println(json(mapper, e));
            }
            documents++;
            events += list.size();
            chars += extraction.cleanedText().length();
            err.printf("%s: %d indicator(s), region %s, published %s%n", doc.documentId(), list.size(),
                    extraction.documentRegion() == null ? "-" : extraction.documentRegion().name(),
                    extraction.publishedAt() == null ? "-" : extraction.publishedAt());
        }
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        err.printf("done: %d document(s), %d event(s), %d skipped, %d chars in %d ms%n", documents, events, failed, chars, ms);
        return failed == 0 ? 0 : 1;
    }

    private static String json(ObjectMapper mapper, IndicatorEvent e) {
        try {
            return mapper.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("indicator event is not serializable", ex);
        }
    }
}
