/** Sync schedules: application (use cases). */
@NullMarked
package io.bankflow.connection.schedules.application;

import org.jspecify.annotations.NullMarked;
