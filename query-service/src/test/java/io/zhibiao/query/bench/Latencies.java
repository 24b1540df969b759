package io.zhibiao.query.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measured run, in nanoseconds, with nearest-rank percentiles. */
record Latencies(long[] nanos, long wallNanos) {

    Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }

    /** Completed operations per second over the run's wall-clock time. */
    double throughput() {
        return nanos.length / (wallNanos / 1e9);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
