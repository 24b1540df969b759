package io.zhibiao.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorsPromoted;
import io.zhibiao.query.PromotedIndicator;
import io.zhibiao.query.config.QueryConfig;

/**
 * Fans promoted indicators out to the live subscribers of GET /stream. Indicators are published
 * only after the promoting transaction has committed, so a client never sees a row that a
 * rollback takes back. A subscriber that resumes (Last-Event-ID) first gets what it missed from
 * the read model, then the live indicators, without a gap or a repeat between the two.
 */
@ApplicationScoped
public class IndicatorBroadcaster {

    private final BroadcastProcessor<PromotedIndicator> processor = BroadcastProcessor.create();
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
    public Multi<PromotedIndicator> subscribe(IndicatorFilter filter) {
        return counted(live(filter).onOverflow().buffer(bufferSize));
    }

    /**
     * What a client that last saw stream number {@code afterSeq} missed, then the live indicators.
     * {@code log} reads the missed ones from the read model (at most {@code replayLimit}). The live subscription
     * starts before that read, and live indicators it already covered are skipped, so an indicator
     * promoted meanwhile is sent exactly once. When the client missed more than the limit, the
     * stream ends after the first {@code replayLimit}: its EventSource reconnects with the last id
     * and gets the next ones, so a long absence never sits in memory at once.
     */
    public Multi<PromotedIndicator> resume(IndicatorFilter filter, long afterSeq, int replayLimit, StreamLog log) {
        Multi<PromotedIndicator> resumed = Multi.createFrom().emitter(emitter -> {
            Resumption resumption = new Resumption(emitter);
            Cancellable live = live(filter).subscribe().with(resumption::live, emitter::fail);
            emitter.onTermination(live::cancel);
            // the read model is read on a worker thread: subscriptions start on the event loop
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    long last = log.lastSeq();
                    if (afterSeq > last) {
                        // an id this read model never gave (it was rebuilt since): nothing to replay, and
                        // the live indicators must not be held to a number they may never reach
                        resumption.replayed(List.of(), last, false);
                        return;
                    }
                    List<PromotedIndicator> replay = log.after(afterSeq, replayLimit);
                    resumption.replayed(replay, afterSeq, replay.size() >= replayLimit);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        }, BackPressureStrategy.BUFFER);
        return counted(resumed.onOverflow().buffer(bufferSize));
    }

    /** The read model's record of promoted indicators, as a resuming subscriber reads it. */
    public interface StreamLog {

        /** The highest stream number given so far (0 before the first). */
        long lastSeq();

        /** The matching current indicators numbered above {@code seq}, in order, at most {@code limit}. */
        List<PromotedIndicator> after(long seq, int limit);
    }

    /** How many clients are listening right now. */
    public int subscribers() {
        return subscribers.get();
    }

    private Multi<PromotedIndicator> live(IndicatorFilter filter) {
        return processor.filter(p -> filter.matches(p.indicator()));
    }

    private Multi<PromotedIndicator> counted(Multi<PromotedIndicator> stream) {
        return stream.onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }

    /** One resuming subscriber: holds live indicators back until the replay is out. */
    private static final class Resumption {

        private final MultiEmitter<? super PromotedIndicator> emitter;
        private final List<PromotedIndicator> heldBack = new ArrayList<>();
        private long lastSent;
        private boolean replaying = true;

        Resumption(MultiEmitter<? super PromotedIndicator> emitter) {
            this.emitter = emitter;
        }

        synchronized void live(PromotedIndicator p) {
            if (replaying) {
                heldBack.add(p);
            } else {
                send(p);
            }
        }

        /** The replay is read: send it, then what was broadcast meanwhile and is not in it. */
        synchronized void replayed(List<PromotedIndicator> replay, long after, boolean truncated) {
            lastSent = after;
            replay.forEach(this::send);
            if (truncated) {
                emitter.complete();
                return;
            }
            heldBack.forEach(this::send);
            heldBack.clear();
            replaying = false;
        }

        private void send(PromotedIndicator p) {
            // the replay may already hold an indicator that was also broadcast while it was read
            if (p.streamSeq() > lastSent) {
                lastSent = p.streamSeq();
                emitter.emit(p);
            }
        }
    }
}
