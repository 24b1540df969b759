package io.zhibiao.extract.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, {@code zhibiao.extract.*} in application.properties. */
@ConfigMapping(prefix = "zhibiao.extract")
public interface ExtractConfig {

    /**
     * How long the processor waits for the broker to acknowledge all records of one document (indicator events,
     * then the extraction record). A document whose records are not acknowledged in time is dead-lettered, so one
     * stuck send never blocks the partition for good.
     */
    @WithDefault("PT30S")
    Duration publishTimeout();

    /**
     * Longest content, in UTF-16 chars, that is extracted. Longer documents are rejected (dead-lettered from Kafka,
     * 413 from REST): government reports are at most a few hundred thousand characters, bigger inputs are mistakes
     * or abuse and would hold the single ordered worker for too long.
     */
    @WithDefault("2000000")
    int maxContentChars();

    /** Warm-up, run once at start-up so the first real document does not pay for lazily loaded dictionaries. */
    WarmUp warmUp();

    interface WarmUp {

        /** Whether to run a warm-up extraction at start-up; readiness stays DOWN until it has run. */
        @WithDefault("true")
        boolean enabled();

        /** The text extracted at start-up; a short report sentence exercising numbers, units and regions. */
        @WithDefault("2023年,醴陵市实现地区生产总值738亿元,同比增长6.5%,规模以上工业企业达到37家。")
        String text();
    }
}
