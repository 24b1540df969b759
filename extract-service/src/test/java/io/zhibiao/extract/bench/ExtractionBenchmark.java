package io.zhibiao.extract.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;

import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.SourceDocument;

/**
 * Extraction throughput on the dev documents (shared/eval/dev/docs and shared/seeds), one thread, after warm-up,
 * against bare {@code HanLP.segment} on the same texts in the same run; and the heap the loaded engine retains.
 * A tool, not a test: run it with
 * {@code ./mvnw -q -pl extract-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.zhibiao.extract.bench.ExtractionBenchmark} (optional args: rounds, path to the shared folder).
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path shared = args.length > 1 ? Path.of(args[1])
                : Path.of(System.getProperty("zhibiao.root", "."), "..", "shared").toAbsolutePath().normalize();
        if (!Files.isDirectory(shared)) {
            shared = Path.of("..", "..", "shared").toAbsolutePath().normalize();
        }
        List<SourceDocument> docs = documents(shared);
        if (docs.isEmpty()) {
            throw new IllegalStateException("no documents under " + shared);
        }
        long chars = docs.stream().mapToLong(d -> d.content().length()).sum();

        long heapBefore = usedHeapAfterGc();
        long loadStart = System.nanoTime();
        ExtractionEngine engine = ExtractionEngine.fromClasspath();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;

        int mentions = 0;
        for (int i = 0; i < 2; i++) { // warm-up: JIT, HanLP dictionaries, regex caches
            for (SourceDocument d : docs) {
                mentions = engine.extract(d).mentions().size();
                HanLP.segment(d.content());
            }
        }
        long heapAfter = usedHeapAfterGc();

        // interleaved per document, so a burst of load from other processes hits both sides alike; the ratio
        // reported is the median of the per-round ratios
        long extractNs = 0;
        long segmentNs = 0;
        int total = 0;
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long roundExtract = 0;
            long roundSegment = 0;
            for (SourceDocument d : docs) {
                long t0 = System.nanoTime();
                total += engine.extract(d).mentions().size();
                long t1 = System.nanoTime();
                total += HanLP.segment(d.content()).size();
                long t2 = System.nanoTime();
                roundExtract += t1 - t0;
                roundSegment += t2 - t1;
            }
            extractNs += roundExtract;
            segmentNs += roundSegment;
            ratios[r] = (double) roundSegment / roundExtract;
        }
        java.util.Arrays.sort(ratios);
        double medianRatio = ratios[rounds / 2];
        double extractCps = chars * rounds / (extractNs / 1e9);
        double segmentCps = chars * rounds / (segmentNs / 1e9);
        out.printf("documents: %d (%d chars), rounds: %d, engine load: %d ms, checksum %d%n", docs.size(), chars, rounds,
                loadMs, total + mentions);
        out.printf("| extraction (ExtractionEngine.extract) | %,.0f chars/s |%n", extractCps);
        out.printf("| baseline (HanLP.segment, same texts) | %,.0f chars/s |%n", segmentCps);
        out.printf("| ratio extraction / segmentation (median of rounds; all rounds) | %.2f (%.2f) |%n", medianRatio,
                extractCps / segmentCps);
        out.printf("| heap used after warm-up (whole JVM, after GC) | %d MB |%n", heapAfter / (1024 * 1024));
        out.printf("| heap retained by the engine (after - before load) | %d MB |%n", (heapAfter - heapBefore) / (1024 * 1024));
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static List<SourceDocument> documents(Path shared) throws IOException {
        List<SourceDocument> docs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        Path dev = shared.resolve("eval/dev/docs");
        if (Files.isDirectory(dev)) {
            try (Stream<Path> files = Files.list(dev)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode n = json.readTree(p.toFile());
                    docs.add(new SourceDocument(n.path("externalId").asText(), null, n.path("title").asText(null), null,
                            n.path("publishedAt").asText(null), null, "text/plain", n.path("text").asText()));
                }
            }
        }
        Path seeds = shared.resolve("seeds");
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> files = Files.list(seeds)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    docs.add(new SourceDocument(p.getFileName().toString(), null, null, null, null, null, "text/plain",
                            Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        return docs;
    }
}
