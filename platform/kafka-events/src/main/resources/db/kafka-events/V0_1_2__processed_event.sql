-- Idempotent consumers of io.bankflow.kafkaevents (platform/kafka-events, ADR 0007).
-- A consumer inserts (consumer, event_id) in the same transaction as the effect of the event; a redelivered event
-- finds its row and is skipped.

CREATE TABLE processed_event (
    consumer     varchar(200) NOT NULL,
    event_id     uuid         NOT NULL,
    topic        varchar(249) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);

COMMENT ON TABLE processed_event IS 'Events each consumer has already applied, for deduplication of redeliveries.';
COMMENT ON COLUMN processed_event.consumer IS 'Logical name of the consumer (usually its listener id); one event can be applied once per consumer.';
COMMENT ON COLUMN processed_event.event_id IS 'metadata.eventId of the applied event.';

-- Cleanup of rows older than the deduplication window.
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
