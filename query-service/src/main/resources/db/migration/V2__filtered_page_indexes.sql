-- Indexes that serve a filtered page of GET /indicators in its default order (newest first, each
-- document in text order) without walking the whole published_sort index (docs/benchmarks.md,
-- "Read model": region+descendants and code+period read thousands of rows per page under V1).

-- "A region and everything under it": division codes encode the hierarchy (a province is the
-- 2-digit prefix of every code under it, a prefecture the 4-digit one, a county the 6-digit one;
-- checked over the whole gazetteer), so the descendants of a region are one equality on a prefix
-- of region_code, which these indexes return already in the page's order. The repository keeps the
-- exact region_path test beside it, so a prefix can never add a row that is not under the region.
CREATE INDEX indicators_region_prefix_2 ON indicators (left(region_code, 2), published_sort DESC, document_id, mention_index)
    WHERE current;
CREATE INDEX indicators_region_prefix_4 ON indicators (left(region_code, 4), published_sort DESC, document_id, mention_index)
    WHERE current;
CREATE INDEX indicators_region_prefix_6 ON indicators (left(region_code, 6), published_sort DESC, document_id, mention_index)
    WHERE current;

-- "One code over some years": the overlap test on the period is two ranges, which no b-tree can
-- serve in publication order. Periods take few distinct (end, start) pairs per code, so the
-- repository skips through the pairs of this index (one probe each) and reads each matching pair
-- in publication order, merging the short runs into the page. event_id, the last key of the page
-- order, is in the index so that each run needs no sort at all.
CREATE INDEX indicators_code_period ON indicators (indicator_code, coalesce(period_end, period_start),
    coalesce(period_start, period_end), published_sort DESC, document_id, mention_index, event_id) WHERE current;
