/** The audit trail: who changed schedules, verified 2FA challenges (and more), and when. */
@NullMarked
package io.bankflow.connection.audit;

import org.jspecify.annotations.NullMarked;
