/** Sync schedules: adapter.out.audit (schedule changes into the audit trail). */
@NullMarked
package io.bankflow.connection.schedules.adapter.out.audit;

import org.jspecify.annotations.NullMarked;
