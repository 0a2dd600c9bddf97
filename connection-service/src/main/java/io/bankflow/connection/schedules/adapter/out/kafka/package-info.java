/** Sync schedules: adapter.out.kafka. */
@NullMarked
package io.bankflow.connection.schedules.adapter.out.kafka;

import org.jspecify.annotations.NullMarked;
