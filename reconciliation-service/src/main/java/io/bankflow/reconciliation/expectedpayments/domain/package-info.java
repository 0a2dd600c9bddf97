/** Expected payments: what an organisation expects to be paid, identified by a customer code. Plain Java. */
@NullMarked
package io.bankflow.reconciliation.expectedpayments.domain;

import org.jspecify.annotations.NullMarked;
