-- The read model of query-service: documents, their extractions, the indicator rows of each
-- extraction, and the divisions gazetteer. Only rows flagged `current` (the rows of each
-- document's latest complete extraction) are ever served; rows of an extraction that is still
-- arriving are staged with current = false.

-- pg_trgm speeds up the substring search of `q` (trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
    code        varchar(12) PRIMARY KEY,
    name        text        NOT NULL,
    short_name  text        NOT NULL,
    level       varchar(16) NOT NULL,
    parent_code varchar(12)
);
-- prefix search by name and short name (text_pattern_ops makes LIKE 'x%' use the index in any collation)
CREATE INDEX regions_name_prefix ON regions (name text_pattern_ops);
CREATE INDEX regions_short_name_prefix ON regions (short_name text_pattern_ops);
CREATE INDEX regions_parent ON regions (parent_code);

-- which version (SHA-256 of divisions.tsv) the regions table holds
CREATE TABLE gazetteer_version (
    id        smallint    PRIMARY KEY CHECK (id = 1),
    version   text        NOT NULL,
    row_count integer     NOT NULL,
    loaded_at timestamptz NOT NULL
);

CREATE TABLE documents (
    id                    text        PRIMARY KEY,
    external_id           text,
    title                 text,
    url                   text,
    published_at          date,
    source                text,
    region_hint           text,
    content_sha256        text,
    received_at           timestamptz,
    status                varchar(16) NOT NULL CHECK (status IN ('PENDING', 'EXTRACTED', 'FAILED')),
    current_extraction_id text,
    current_completed_at  timestamptz,
    extractor_version     text,
    indicator_count       integer     NOT NULL DEFAULT 0,
    error                 text,
    region_code           varchar(12),
    region_name           text,
    -- when the read model first heard of the document: the keyset order of GET /documents
    created_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX documents_created ON documents (created_at DESC, id DESC);
CREATE INDEX documents_status ON documents (status, created_at DESC, id DESC);
CREATE INDEX documents_title_trgm ON documents USING gin (title gin_trgm_ops);
CREATE INDEX documents_external_id ON documents (external_id);

CREATE TABLE extractions (
    extraction_id     text        PRIMARY KEY,
    document_id       text        NOT NULL,
    extractor_version text        NOT NULL,
    status            varchar(16) NOT NULL CHECK (status IN ('EXTRACTED', 'FAILED')),
    expected_count    integer     NOT NULL,
    received_count    integer     NOT NULL DEFAULT 0,
    completed_at      timestamptz NOT NULL,
    error             text,
    -- what the extractor found about the document, copied onto it on promotion
    title             text,
    published_at      date,
    region_code       varchar(12),
    region_name       text,
    promoted          boolean     NOT NULL DEFAULT false
);
CREATE INDEX extractions_document ON extractions (document_id, completed_at);

CREATE TABLE indicators (
    event_id          text             PRIMARY KEY,
    document_id       text             NOT NULL,
    external_id       text,
    extraction_id     text             NOT NULL,
    extractor_version text             NOT NULL,
    current           boolean          NOT NULL DEFAULT false,
    mention_index     integer          NOT NULL,
    quote             text             NOT NULL,
    span_start        integer          NOT NULL,
    span_end          integer          NOT NULL,
    sentence          text             NOT NULL,
    indicator_name    text             NOT NULL,
    indicator_code    text,
    -- double precision round-trips the JSON number of the event exactly
    value             double precision NOT NULL,
    unit              varchar(24)      NOT NULL,
    measure_word      text,
    kind              varchar(16)      NOT NULL,
    comparator        varchar(8)       NOT NULL,
    status            varchar(8)       NOT NULL,
    period_start      integer,
    period_end        integer,
    annualized        boolean          NOT NULL,
    region_code       varchar(12),
    region_name       text,
    region_level      varchar(16),
    region_parents    jsonb            NOT NULL DEFAULT '[]',
    -- the region's own code and its ancestors' codes, for includeDescendants
    region_path       text[]           NOT NULL DEFAULT '{}',
    published_at      date,
    title             text,
    -- sort keys without NULLs, so that keyset pagination can compare row values
    published_sort    date GENERATED ALWAYS AS (coalesce(published_at, DATE '0001-01-01')) STORED,
    period_sort       integer GENERATED ALWAYS AS (coalesce(period_end, period_start, 0)) STORED
);
-- staging and promotion
CREATE INDEX indicators_extraction ON indicators (extraction_id);
CREATE INDEX indicators_document ON indicators (document_id, mention_index);
-- cursor orders (only current rows are ever queried)
CREATE INDEX indicators_by_published ON indicators (published_sort DESC, document_id, mention_index) WHERE current;
CREATE INDEX indicators_by_published_asc ON indicators (published_sort, document_id, mention_index) WHERE current;
CREATE INDEX indicators_by_value ON indicators (value, document_id, mention_index) WHERE current;
CREATE INDEX indicators_by_period ON indicators (period_sort, document_id, mention_index) WHERE current;
-- filters
CREATE INDEX indicators_code ON indicators (indicator_code, published_sort DESC, document_id, mention_index) WHERE current;
CREATE INDEX indicators_series ON indicators (indicator_code, kind, status, period_end) WHERE current;
CREATE INDEX indicators_region ON indicators (region_code, published_sort DESC, document_id, mention_index) WHERE current;
CREATE INDEX indicators_region_path ON indicators USING gin (region_path) WHERE current;
CREATE INDEX indicators_kind_status ON indicators (kind, status) WHERE current;
CREATE INDEX indicators_period ON indicators (period_start, period_end) WHERE current;
CREATE INDEX indicators_name_trgm ON indicators USING gin (indicator_name gin_trgm_ops) WHERE current;
CREATE INDEX indicators_sentence_trgm ON indicators USING gin (sentence gin_trgm_ops) WHERE current;
