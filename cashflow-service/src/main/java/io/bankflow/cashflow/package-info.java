/** cashflow-service: Daily balances per account and currency: cash history and forecast. */
@NullMarked
package io.bankflow.cashflow;

import org.jspecify.annotations.NullMarked;
