package io.zhibiao.query.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a bounded list of calls from a fixed number of client threads, each thread with its own
 * client state (an HTTP client is shared; a JDBC connection is not), and times every call.
 */
final class LoadRunner {

    /** A client: opened once per thread, then called for each task. */
    interface Client<T> extends AutoCloseable {
        void call(T task) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory<T> {
        Client<T> open() throws Exception;
    }

    private LoadRunner() {
    }

    static <T> Latencies run(int threads, List<T> tasks, ClientFactory<T> clients) throws Exception {
        long[] nanos = new long[tasks.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Client<T> client = clients.open()) {
                        for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                            long begin = System.nanoTime();
                            client.call(tasks.get(i));
                            nanos[i] = System.nanoTime() - begin;
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a benchmark client failed", e.getCause());
                }
            }
            return new Latencies(nanos, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }
}
