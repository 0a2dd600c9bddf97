/** reconciliation-service: Matches incoming money to expected payments; the unmatched go to a review queue. */
@NullMarked
package io.bankflow.reconciliation;

import org.jspecify.annotations.NullMarked;
