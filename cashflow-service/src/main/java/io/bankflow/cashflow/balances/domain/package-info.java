/** The rules of the balance series and the forecast, in plain Java: exact money, no framework. */
@NullMarked
package io.bankflow.cashflow.balances.domain;

import org.jspecify.annotations.NullMarked;
