/** Sync schedules: domain (recurrence rules, quota arithmetic). Plain Java. */
@NullMarked
package io.bankflow.connection.schedules.domain;

import org.jspecify.annotations.NullMarked;
