/**
 * Idempotent consumers: {@link io.bankflow.kafkaevents.inbox.ProcessedEvents} records each processed event id in the
 * same transaction as the effect, so a redelivered event is skipped.
 */
@NullMarked
package io.bankflow.kafkaevents.inbox;

import org.jspecify.annotations.NullMarked;
