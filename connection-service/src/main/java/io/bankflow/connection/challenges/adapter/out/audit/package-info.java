/** Two-factor challenges: adapter.out.audit (verifications into the audit trail). */
@NullMarked
package io.bankflow.connection.challenges.adapter.out.audit;

import org.jspecify.annotations.NullMarked;
