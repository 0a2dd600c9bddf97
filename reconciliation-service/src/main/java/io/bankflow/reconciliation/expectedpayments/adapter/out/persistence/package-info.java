/** Expected payments and their creation idempotency keys in PostgreSQL. */
@NullMarked
package io.bankflow.reconciliation.expectedpayments.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
