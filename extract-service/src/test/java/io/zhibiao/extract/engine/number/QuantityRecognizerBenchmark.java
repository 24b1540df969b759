package io.zhibiao.extract.engine.number;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;

/**
 * Throughput of {@link QuantityRecognizer#recognize} against {@code HanLP.segment} on the same lines (the seed
 * documents and the dev documents), as a ratio measured in one run: the machines are shared and noisy. Not a test.
 *
 * <p>Run: {@code cd extract-service && ../mvnw -q -B test-compile && java -cp "target/test-classes:target/classes:$(../mvnw
 * -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
 * io.zhibiao.extract.engine.number.QuantityRecognizerBenchmark ..}
 */
public final class QuantityRecognizerBenchmark {

    private static final int ROUNDS = 7;
    private static final int REPEATS = 10;

    private QuantityRecognizerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("zhibiao.root", "."));
        List<String> lines = lines(root.resolve("../shared").normalize());
        long chars = lines.stream().mapToLong(String::length).sum();
        QuantityRecognizer recognizer = QuantityRecognizer.fromClasspath();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            long quantities = 0;
            for (int r = 0; r < REPEATS; r++) {
                for (String line : lines) {
                    quantities += recognizer.recognize(line).size();
                }
            }
            long t1 = System.nanoTime();
            long terms = 0;
            for (int r = 0; r < REPEATS; r++) {
                for (String line : lines) {
                    terms += HanLP.segment(line).size();
                }
            }
            long t2 = System.nanoTime();
            double ratio = (double) (t2 - t1) / (t1 - t0);
            ratios.add(ratio);
            System.out.printf(Locale.ROOT, "round %d: recognize %.0f ms (%d quantities), HanLP.segment %.0f ms (%d terms),"
                    + " speed ratio recognize/segment %.2f%n", round, (t1 - t0) / 1e6, quantities, (t2 - t1) / 1e6, terms, ratio);
        }
        // the first rounds warm the JIT up; report the median of the rest
        List<Double> warm = new ArrayList<>(ratios.subList(2, ratios.size()));
        warm.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%d lines, %d chars x %d; median speed ratio recognize/segment (rounds 2..%d): %.2f%n",
                lines.size(), chars, REPEATS, ROUNDS - 1, warm.get(warm.size() / 2));
    }

    private static List<String> lines(Path shared) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(shared.resolve("seeds"))) {
            for (Path p : seeds.sorted().toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> docs = Files.list(shared.resolve("eval/dev/docs"))) {
            for (Path p : docs.sorted().toList()) {
                String json = Files.readString(p, StandardCharsets.UTF_8);
                String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("text").asText();
                lines.addAll(List.of(text.split("\n")));
            }
        }
        lines.removeIf(String::isBlank);
        return lines;
    }
}
