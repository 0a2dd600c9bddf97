/** Sync schedules: adapter.in.web. */
@NullMarked
package io.bankflow.connection.schedules.adapter.in.web;

import org.jspecify.annotations.NullMarked;
