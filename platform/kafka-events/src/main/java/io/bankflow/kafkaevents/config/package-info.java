/** Kafka client defaults (overridable with {@code spring.kafka.*}) and the raw-bytes producer. */
@NullMarked
package io.bankflow.kafkaevents.config;

import org.jspecify.annotations.NullMarked;
