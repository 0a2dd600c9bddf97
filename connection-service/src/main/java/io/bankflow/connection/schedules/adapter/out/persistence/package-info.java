/** Sync schedules: adapter.out.persistence. */
@NullMarked
package io.bankflow.connection.schedules.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
