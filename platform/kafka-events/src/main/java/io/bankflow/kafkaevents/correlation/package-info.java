/**
 * Correlation ids: from the SLF4J MDC into the event envelope and a Kafka header, and from a consumed event back into
 * the MDC while its listener runs.
 */
@NullMarked
package io.bankflow.kafkaevents.correlation;

import org.jspecify.annotations.NullMarked;
