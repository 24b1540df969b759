package io.zhibiao.extract.service;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's Micrometer meters, exported by Prometheus at /q/metrics as
 * {@code zhibiao_extract_documents_total{outcome}}, {@code zhibiao_extract_indicators_total},
 * {@code zhibiao_extract_duration_seconds{source}} and {@code zhibiao_extract_failures_total{reason}}.
 */
@ApplicationScoped
public class ExtractionMetrics {

    /** Where an extraction was asked for. */
    public enum Source { KAFKA, REST, WARM_UP }

    /** Why a document was not extracted. */
    public enum FailureReason { INVALID, ENGINE, PUBLISH }

    private final MeterRegistry registry;
    private final Counter extracted;
    private final Counter failed;
    private final Counter indicators;

    public ExtractionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.extracted = documents(registry, "extracted");
        this.failed = documents(registry, "failed");
        this.indicators = Counter.builder("zhibiao.extract.indicators")
                .description("Indicator events published on the indicators topic")
                .register(registry);
    }

    /** A document of the documents topic was extracted and all its records were acknowledged. */
    public void documentExtracted(int indicatorCount) {
        extracted.increment();
        indicators.increment(indicatorCount);
    }

    /** A document of the documents topic was dead-lettered. */
    public void documentFailed(FailureReason reason) {
        failed.increment();
        Counter.builder("zhibiao.extract.failures")
                .description("Documents that could not be extracted, by reason")
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** Time spent in the engine for one document. */
    public void extractionTook(Source source, long nanos) {
        Timer.builder("zhibiao.extract.duration")
                .description("Time the engine took for one document")
                .tag("source", source.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Counter documents(MeterRegistry registry, String outcome) {
        return Counter.builder("zhibiao.extract.documents")
                .description("Documents consumed from the documents topic, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
