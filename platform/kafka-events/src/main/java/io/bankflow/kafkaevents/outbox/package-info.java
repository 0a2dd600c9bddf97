/**
 * Transactional outbox: {@link io.bankflow.kafkaevents.outbox.OutboxEvents#append} writes an event in the caller's
 * database transaction; a publisher sends committed events to Kafka at least once, in order per topic and key.
 */
@NullMarked
package io.bankflow.kafkaevents.outbox;

import org.jspecify.annotations.NullMarked;
