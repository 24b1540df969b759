package io.zhibiao.query.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.query.config.QueryConfig;
import io.zhibiao.query.repository.GazetteerRepository;

/**
 * Loads the divisions gazetteer (extract-service's divisions.tsv, put on this module's classpath
 * by the pom, so there is one copy of the data) into the regions table at start-up, when the table
 * is empty or holds another version. The version is the SHA-256 of the file.
 */
@ApplicationScoped
public class GazetteerLoader {

    private static final Logger LOG = Logger.getLogger(GazetteerLoader.class);

    private final GazetteerRepository repository;
    private final RegionDirectory directory;
    private final QueryConfig config;

    public GazetteerLoader(GazetteerRepository repository, RegionDirectory directory, QueryConfig config) {
        this.repository = repository;
        this.directory = directory;
        this.config = config;
    }

    // after Flyway (which migrates during runtime init, before StartupEvent)
    void onStart(@Observes @Priority(10) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::load);
        directory.reload();
    }

    /** Loads the gazetteer unless the table already holds this version; runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load() {
        byte[] file = read(config.gazetteerResource());
        String version = sha256(file);
        repository.lockForLoad();
        Optional<String> loaded = repository.loadedVersion();
        if (loaded.isPresent() && loaded.get().equals(version)) {
            LOG.debugf("regions already hold gazetteer %s", version);
            return;
        }
        long started = System.nanoTime();
        long rows = repository.replace(new StringReader(toCopyFormat(new String(file, StandardCharsets.UTF_8))), version);
        LOG.infof("loaded %d regions from %s (version %s) in %d ms", rows, config.gazetteerResource(),
                version.substring(0, 12), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The gazetteer's lines as COPY text rows: comment lines dropped, an empty parent code as NULL.
     * The file is tab-separated with five columns; a line that is not is a broken file.
     */
    static String toCopyFormat(String tsv) {
        StringBuilder out = new StringBuilder(tsv.length());
        int lineNo = 0;
        for (String line : tsv.split("\n")) {
            lineNo++;
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] cols = l.split("\t", -1);
            if (cols.length != 5 || cols[0].isEmpty() || cols[1].isEmpty() || cols[3].isEmpty()) {
                throw new IllegalStateException("gazetteer line " + lineNo + " is not code, name, shortName, level, "
                        + "parentCode: " + l);
            }
            for (String col : cols) {
                if (col.indexOf('\\') >= 0) {
                    throw new IllegalStateException("gazetteer line " + lineNo + " holds a backslash: " + l);
                }
            }
            out.append(cols[0]).append('\t').append(cols[1]).append('\t')
                    .append(cols[2].isEmpty() ? cols[1] : cols[2]).append('\t').append(cols[3]).append('\t')
                    .append(cols[4].isEmpty() ? "\\N" : cols[4]).append('\n');
        }
        return out.toString();
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read gazetteer " + resource, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
