/** Sync schedules: adapter.in.scheduling (the timer that runs due schedules). */
@NullMarked
package io.bankflow.connection.schedules.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
