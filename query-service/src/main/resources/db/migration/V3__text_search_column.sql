-- `q` (text in the indicator phrase or the sentence) as one LIKE on one lower-cased column.
-- V1 tested `indicator_name ILIKE ? OR sentence ILIKE ?`: ILIKE lower-cases both texts of every row
-- it looks at, and a page of a common word walks thousands of rows in publication order
-- (docs/benchmarks.md, "Read model"). The column is lower-cased once, on write; the repository
-- compares it with lower(pattern), so both sides go through the same lower(). The line feed keeps
-- a match from spanning the phrase and the sentence (q never contains one: ParameterParser).
ALTER TABLE indicators
    ADD COLUMN search_text text GENERATED ALWAYS AS (lower(indicator_name || chr(10) || sentence)) STORED;

-- one trigram index instead of two, for the words that are rare enough to look up
DROP INDEX indicators_name_trgm;
DROP INDEX indicators_sentence_trgm;
CREATE INDEX indicators_search_trgm ON indicators USING gin (search_text gin_trgm_ops) WHERE current;

-- The new column has no statistics, and a table rewrite does not count as changed rows, so
-- autovacuum would not analyze it soon: without them the planner guesses 100 rows for any word and
-- sorts every match of a common one (94 ms for a page instead of a few).
ANALYZE indicators;
