/** What the use cases need from storage, implemented in {@code adapter.out.persistence}. */
@NullMarked
package io.bankflow.cashflow.balances.application.port.out;

import org.jspecify.annotations.NullMarked;
