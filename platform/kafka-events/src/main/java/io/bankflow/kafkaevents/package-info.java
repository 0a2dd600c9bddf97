/**
 * Event plumbing every Bankflow service uses, as a Spring Boot auto-configuration: a transactional outbox
 * ({@link io.bankflow.kafkaevents.outbox}), idempotent consumers ({@link io.bankflow.kafkaevents.inbox}), Kafka
 * defaults, retries and dead letters ({@link io.bankflow.kafkaevents.config}, {@link
 * io.bankflow.kafkaevents.consumer}), a Kafka health indicator ({@link io.bankflow.kafkaevents.health}) and
 * correlation ids ({@link io.bankflow.kafkaevents.correlation}). ADR 0007 records why the outbox is our own.
 */
@NullMarked
package io.bankflow.kafkaevents;

import org.jspecify.annotations.NullMarked;
