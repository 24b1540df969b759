package io.zhibiao.extract.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.zhibiao.extract.config.ExtractConfig;
import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.event.IndicatorEvent;
import io.zhibiao.extract.engine.event.IndicatorEvents;
import io.zhibiao.extract.mapping.SourceDocuments;
import io.zhibiao.extract.service.ExtractionMetrics.Source;

/**
 * Runs the engine on one document and turns its mentions into indicator events, for the Kafka processor and the
 * REST API alike, so both give the same events for the same document.
 */
@ApplicationScoped
public class ExtractionService {

    private static final Logger LOG = Logger.getLogger(ExtractionService.class);

    private final ExtractionEngine engine;
    private final ExtractionMetrics metrics;
    private final ExtractConfig config;
    private final CompletableFuture<Long> warmUp = new CompletableFuture<>();

    public ExtractionService(ExtractionEngine engine, ExtractionMetrics metrics, ExtractConfig config) {
        this.engine = engine;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Extracts and builds the events. The extractionId is deterministic (document id, content hash, extractor
     * version), so a redelivered document yields identical events and at-least-once delivery is safe.
     *
     * @param contentSha256 the hash ingest computed, or null to hash the content
     * @throws ExtractionFailedException when the engine throws
     */
    public ExtractionResult extract(SourceDocument doc, String contentSha256, Source source) {
        String extractionId = IndicatorEvents.extractionId(doc, contentSha256);
        long start = System.nanoTime();
        Extraction extraction;
        try {
            extraction = engine.extract(doc);
        } catch (RuntimeException e) {
            throw new ExtractionFailedException(doc.documentId(), e);
        } finally {
            metrics.extractionTook(source, System.nanoTime() - start);
        }
        List<IndicatorEvent> events = IndicatorEvents.events(doc, extraction, extractionId);
        return new ExtractionResult(doc, extractionId, extraction, events);
    }

    /** The version written into every event and extraction record. */
    public String extractorVersion() {
        return ExtractionEngine.version();
    }

    /** The longest content accepted, see {@link ExtractConfig#maxContentChars()}. */
    public int maxContentChars() {
        return config.maxContentChars();
    }

    /**
     * The warm-up extraction: completes with its duration in ms once the engine has extracted a document, or
     * exceptionally when it could not. Readiness follows it.
     */
    public CompletableFuture<Long> warmUp() {
        return warmUp;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.warmUp().enabled()) {
            warmUp.complete(0L);
            return;
        }
        // off the start-up thread: HTTP and health come up at once, readiness reports DOWN until the engine is warm
        CompletableFuture.runAsync(this::runWarmUp);
    }

    private void runWarmUp() {
        long start = System.nanoTime();
        try {
            SourceDocument doc = new SourceDocument("warm-up", null, null, null, null, null,
                    SourceDocuments.TEXT_PLAIN, config.warmUp().text());
            int mentions = extract(doc, null, Source.WARM_UP).events().size();
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("Extraction engine warmed up in %d ms (%d mentions in the warm-up text)", millis, mentions);
            warmUp.complete(millis);
        } catch (RuntimeException e) {
            LOG.error("Warm-up extraction failed; readiness stays DOWN", e);
            warmUp.completeExceptionally(e);
        }
    }
}
