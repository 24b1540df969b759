package io.zhibiao.query.service;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorsPromoted;
import io.zhibiao.query.config.QueryConfig;

/**
 * Fans promoted indicators out to the live subscribers of GET /stream. Indicators are published
 * only after the promoting transaction has committed, so a client never sees a row that a
 * rollback takes back.
 */
@ApplicationScoped
public class IndicatorBroadcaster {

    private final BroadcastProcessor<IndicatorEvent> processor = BroadcastProcessor.create();
    // consumers of several topics may publish at once; the processor itself is not thread-safe
    private final Object publishLock = new Object();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final int bufferSize;

    public IndicatorBroadcaster(QueryConfig config) {
        this.bufferSize = config.stream().bufferSize();
    }

    void onPromoted(@Observes(during = TransactionPhase.AFTER_SUCCESS) IndicatorsPromoted promoted) {
        synchronized (publishLock) {
            promoted.indicators().forEach(processor::onNext);
        }
    }

    /**
     * The indicators promoted from now on that match the filter. A burst (a whole document at once)
     * is buffered; a client that falls further behind than the buffer gets its stream ended, and
     * reconnects, rather than holding memory.
     */
    public Multi<IndicatorEvent> subscribe(IndicatorFilter filter) {
        return processor
                .filter(filter::matches)
                .onOverflow().buffer(bufferSize)
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }

    /** How many clients are listening right now. */
    public int subscribers() {
        return subscribers.get();
    }
}
