/** Use cases: apply a fetched statement, answer the cash flow of an account, list the accounts with data. */
@NullMarked
package io.bankflow.cashflow.balances.application;

import org.jspecify.annotations.NullMarked;
