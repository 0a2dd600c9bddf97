/** Listener error handling: bounded retries, then the dead-letter topic {@code <topic>-dlt}. */
@NullMarked
package io.bankflow.kafkaevents.consumer;

import org.jspecify.annotations.NullMarked;
