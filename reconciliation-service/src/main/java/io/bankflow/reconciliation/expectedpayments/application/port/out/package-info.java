/** What the expected-payment use cases need from the outside: storage and idempotency records. */
@NullMarked
package io.bankflow.reconciliation.expectedpayments.application.port.out;

import org.jspecify.annotations.NullMarked;
