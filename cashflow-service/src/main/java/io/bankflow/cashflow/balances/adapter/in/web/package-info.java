/** The cash flow API: {@code /api/banking/cashflow}. */
@NullMarked
package io.bankflow.cashflow.balances.adapter.in.web;

import org.jspecify.annotations.NullMarked;
