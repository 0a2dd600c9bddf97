package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The forecast end-of-day balance of a future date (rounded to the currency's scale: it is an estimate). */
public record ForecastPoint(LocalDate date, BigDecimal balance) {}
