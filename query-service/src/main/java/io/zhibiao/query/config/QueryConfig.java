package io.zhibiao.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** query-service's own settings, under {@code zhibiao.query}. */
@ConfigMapping(prefix = "zhibiao.query")
public interface QueryConfig {

    /** Classpath resource of the divisions gazetteer loaded into the regions table. */
    @WithDefault("gazetteer/divisions.tsv")
    String gazetteerResource();

    /** Paging of list endpoints. */
    Paging paging();

    /** Server-sent events of /stream. */
    Stream stream();

    interface Paging {

        /** Page size when the request gives no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest {@code limit} a request may ask for. */
        @WithDefault("1000")
        int maxLimit();

        /** Rows fetched per database round trip while streaming CSV. */
        @WithDefault("1000")
        int csvBatchSize();

        /** Page size of GET /regions when the request gives no {@code limit}. */
        @WithDefault("20")
        int regionsDefaultLimit();

        /** Largest {@code limit} of GET /regions. */
        @WithDefault("200")
        int regionsMaxLimit();
    }

    interface Stream {

        /** Events kept per slow subscriber before older ones are dropped. */
        @WithDefault("1024")
        int bufferSize();

        /**
         * At most this many missed indicators are sent to a client that resumes with Last-Event-ID;
         * if it missed more, the stream ends there and the client's reconnection gets the next ones.
         */
        @WithDefault("10000")
        int replayLimit();
    }
}
