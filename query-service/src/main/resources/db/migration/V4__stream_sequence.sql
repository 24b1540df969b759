-- A resumable GET /stream. Each row is numbered when it becomes current, in text order within its
-- document and in commit order across documents (promotions take a transaction-level advisory lock
-- first, IndicatorRepository.orderPromotions), and the number is the server-sent event's id. A
-- client that reconnects with Last-Event-ID: n gets the current rows numbered above n that match
-- its filters, then the live ones, so nothing promoted while it was away is missed.
-- Rows promoted before this migration have no number: they were streamed before it existed.
CREATE SEQUENCE indicator_stream_seq;
ALTER TABLE indicators ADD COLUMN stream_seq bigint;
CREATE INDEX indicators_stream ON indicators (stream_seq) WHERE current AND stream_seq IS NOT NULL;
