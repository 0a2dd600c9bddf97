/** Sync schedules: application.port.out. */
@NullMarked
package io.bankflow.connection.schedules.application.port.out;

import org.jspecify.annotations.NullMarked;
