-- Transactional outbox of io.bankflow.kafkaevents (platform/kafka-events, ADR 0007).
-- Services append rows in the same transaction as their state change; one publisher per table (advisory lock)
-- sends them to Kafka in id order per (topic, message_key) and marks them published.
-- Versions 0.x belong to the platform so they never collide with a service's own V1, V2, ...

CREATE TABLE event_outbox (
    id              bigserial     PRIMARY KEY,
    topic           varchar(249)  NOT NULL,
    message_key     varchar(255)  NOT NULL,
    event_type      varchar(255)  NOT NULL,
    event_id        uuid,
    payload         bytea         NOT NULL,
    headers         jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz   NOT NULL DEFAULT clock_timestamp(),
    published_at    timestamptz,
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      varchar(2000)
);

COMMENT ON TABLE event_outbox IS 'Events committed with a state change, waiting for (or kept after) publication to Kafka.';
COMMENT ON COLUMN event_outbox.id IS 'Append order: events of one topic and key are published in ascending id order.';
COMMENT ON COLUMN event_outbox.message_key IS 'Kafka key: the id of the aggregate whose events must stay in order.';
COMMENT ON COLUMN event_outbox.event_type IS 'Avro full name of the event, for operators.';
COMMENT ON COLUMN event_outbox.event_id IS 'metadata.eventId of the event, for operators and tracing.';
COMMENT ON COLUMN event_outbox.payload IS 'Kafka value exactly as sent: Confluent wire format (magic byte, schema id, Avro binary).';
COMMENT ON COLUMN event_outbox.headers IS 'Kafka headers as a JSON object of UTF-8 strings.';
COMMENT ON COLUMN event_outbox.published_at IS 'When the broker acknowledged the event; null while pending.';
COMMENT ON COLUMN event_outbox.attempts IS 'Failed sends so far.';
COMMENT ON COLUMN event_outbox.next_attempt_at IS 'After a failed send: not retried (and later events of its key not sent) before this moment.';
COMMENT ON COLUMN event_outbox.last_error IS 'Error of the last failed send.';

-- The publisher's scan: pending rows in id order.
CREATE INDEX event_outbox_pending_idx ON event_outbox (id) WHERE published_at IS NULL;
-- "Is an earlier event of this key waiting for a retry?"
CREATE INDEX event_outbox_pending_key_idx ON event_outbox (topic, message_key, id) WHERE published_at IS NULL;
-- Cleanup of published rows after the retention period.
CREATE INDEX event_outbox_published_at_idx ON event_outbox (published_at) WHERE published_at IS NOT NULL;
