/** Use cases of the expected-payments API. */
@NullMarked
package io.bankflow.reconciliation.expectedpayments.application;

import org.jspecify.annotations.NullMarked;
