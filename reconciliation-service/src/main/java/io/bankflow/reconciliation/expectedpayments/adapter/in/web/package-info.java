/** The expected-payments API: {@code /api/banking/expected-payments}. */
@NullMarked
package io.bankflow.reconciliation.expectedpayments.adapter.in.web;

import org.jspecify.annotations.NullMarked;
