/** The {@code kafka} health indicator services put in their readiness group. */
@NullMarked
package io.bankflow.kafkaevents.health;

import org.jspecify.annotations.NullMarked;
