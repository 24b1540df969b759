-- GET /series of a region with everything under it: one code and one kind, a few hundred to a few
-- thousand rows out of the tens of thousands under a busy prefecture. The page indexes (V2) found
-- every row under the region and filtered them (29,114 read for 1,561 kept, docs/benchmarks.md);
-- this index returns just the code and kind under the region, as a range of division codes
-- (IndicatorSql writes the region as region_code COLLATE "C" between the prefix and the prefix
-- followed by ':', the character after '9' in byte order).
CREATE INDEX indicators_series_region ON indicators (indicator_code, kind, (region_code COLLATE "C")) WHERE current;
