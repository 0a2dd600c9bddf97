package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** End-of-day balance of one date with the day's money in and out (both non-negative). */
public record DailyBalance(LocalDate date, BigDecimal balance, BigDecimal inflow, BigDecimal outflow) {}
