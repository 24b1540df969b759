package io.zhibiao.extract.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** Turns one document into indicator mentions. Load once with {@link #fromClasspath()}; thread-safe afterwards. */
public final class ExtractionEngine {

    private static final String VERSION = loadVersion();

    private ExtractionEngine() {
    }

    public static ExtractionEngine fromClasspath() {
        return new ExtractionEngine();
    }

    public Extraction extract(SourceDocument doc) {
        if (doc == null || doc.content() == null || doc.content().isBlank()) {
            throw new IllegalArgumentException("document content is null or empty");
        }
        return new Extraction(doc.content(), doc.publishedAt(), null, List.of());
    }

    /** The extractor version written into events, from version.properties beside this class (filtered from the pom). */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = ExtractionEngine.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/zhibiao/extract/engine/version.properties missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("extractor.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
