package io.zhibiao.query.service;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.PromotedIndicator;
import io.zhibiao.query.IndicatorFilter;
import io.zhibiao.query.IndicatorRow;
import io.zhibiao.query.IndicatorSort;
import io.zhibiao.query.SortKey;
import io.zhibiao.query.config.QueryConfig;
import io.zhibiao.query.repository.IndicatorRepository;

/** GET /indicators, its CSV export and GET /stream: only rows of each document's current extraction. */
@ApplicationScoped
public class IndicatorQueryService {

    /** A validated GET /indicators request. */
    public record IndicatorQuery(IndicatorFilter filter, IndicatorSort sort, int limit, SortKey after) {
    }

    private final IndicatorRepository indicators;
    private final IndicatorBroadcaster broadcaster;
    private final ParameterParser parser;
    private final QueryConfig config;
    private final ObjectMapper mapper;

    public IndicatorQueryService(IndicatorRepository indicators, IndicatorBroadcaster broadcaster, ParameterParser parser,
                                 QueryConfig config, ObjectMapper mapper) {
        this.indicators = indicators;
        this.broadcaster = broadcaster;
        this.parser = parser;
        this.config = config;
        this.mapper = mapper;
    }

    /** Validates a request; throws {@link BadParameterException} naming the first bad parameter. */
    public IndicatorQuery query(FilterParameters filter, String sort, String limit, String cursor) {
        IndicatorFilter parsed = parser.filter(filter);
        IndicatorSort order = parser.sort(sort);
        int size = parser.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        return new IndicatorQuery(parsed, order, size, parser.decode(cursor, order));
    }

    /** One page, each indicator as the JSON stored with it (the shape of {@link IndicatorEvent}). */
    public Page<String> page(IndicatorQuery query) {
        // one row more than asked tells whether there is a next page without a count
        List<IndicatorRow> rows = indicators.search(query.filter(), query.sort(), query.after(), query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<IndicatorRow> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? parser.encode(page.get(page.size() - 1).key()) : null;
        return new Page<>(page.stream().map(IndicatorRow::json).toList(), next);
    }

    /**
     * Every row of the query (its limit is ignored), batch after batch in keyset order, so an
     * export of any size holds one batch in memory and no long-running transaction.
     */
    public void forEach(IndicatorQuery query, Consumer<IndicatorEvent> sink) {
        int batch = config.paging().csvBatchSize();
        SortKey after = query.after();
        while (true) {
            List<IndicatorRow> rows = indicators.search(query.filter(), query.sort(), after, batch);
            rows.forEach(r -> sink.accept(read(r.json())));
            if (rows.size() < batch) {
                return;
            }
            after = rows.get(rows.size() - 1).key();
        }
    }

    private IndicatorEvent read(String json) {
        try {
            return mapper.readValue(json, IndicatorEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored indicator: " + json, e);
        }
    }

    /**
     * The live indicators matching the filter; with {@code lastEventId} (the stream number of the
     * last event a client received) first those it missed since.
     */
    public Multi<PromotedIndicator> stream(FilterParameters filter, String lastEventIdParameter, String lastEventId) {
        IndicatorFilter parsed = parser.filter(filter);
        Long after = parser.streamPosition(lastEventIdParameter, lastEventId);
        if (after == null) {
            return broadcaster.subscribe(parsed);
        }
        int limit = config.stream().replayLimit();
        return broadcaster.resume(parsed, after, limit, new IndicatorBroadcaster.StreamLog() {
            @Override
            public long lastSeq() {
                return indicators.lastStreamSeq();
            }

            @Override
            public List<PromotedIndicator> after(long seq, int max) {
                return indicators.promotedAfter(parsed, seq, max);
            }
        });
    }
}
