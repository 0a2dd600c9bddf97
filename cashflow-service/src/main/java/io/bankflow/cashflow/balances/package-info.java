/**
 * Daily balances per account and currency, reconstructed from booked statement lines and the bank's closing balances,
 * and a simple, explained forecast.
 */
@NullMarked
package io.bankflow.cashflow.balances;

import org.jspecify.annotations.NullMarked;
