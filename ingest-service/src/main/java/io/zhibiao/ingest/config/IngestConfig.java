package io.zhibiao.ingest.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ingest-service's own settings, {@code zhibiao.ingest.*}. */
@ConfigMapping(prefix = "zhibiao.ingest")
public interface IngestConfig {

    /**
     * API keys accepted in {@code Authorization: Bearer KEY} for writes. Comma-separated; the
     * default comes from {@code ZHIBIAO_API_KEY}, or {@code local-dev-key} when that is unset.
     */
    @WithDefault("${ZHIBIAO_API_KEY:local-dev-key}")
    List<String> apiKeys();

    /** Base URL of query-service, where the {@code Location} of an accepted document points. */
    @WithDefault("http://127.0.0.1:8083")
    String queryBaseUrl();

    /** Largest document accepted, in bytes (one body, one batch line or one uploaded file). */
    @WithDefault("10485760")
    long maxDocumentBytes();

    /** Topic the documents are published on. */
    @WithDefault("documents")
    String topic();

    /**
     * How long the producer may try to deliver one record (its {@code delivery.timeout.ms}). The
     * answer waits a little longer than this, so a refused request never lands on the topic later.
     */
    @WithDefault("5s")
    Duration publishTimeout();

    /** The {@code Retry-After} sent with a 503. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Whether ingest creates the topic at start-up when it is missing (a local stack convenience). */
    @WithDefault("true")
    boolean createTopic();

    /** Partitions of the topic when ingest creates it. */
    @WithDefault("1")
    int topicPartitions();

    /** Longest accepted metadata value (title, url, externalId, source, regionHint), in characters. */
    @WithDefault("2000")
    int maxMetadataLength();
}
