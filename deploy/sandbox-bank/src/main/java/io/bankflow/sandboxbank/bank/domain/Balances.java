package io.bankflow.sandboxbank.bank.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account's balances.
 *
 * @param closingBooked opening balance + every booked entry
 * @param expected closingBooked + every pending entry (the balance once everything has booked)
 * @param lastBookingDate the latest booking date (the reference date of closingBooked)
 */
public record Balances(BigDecimal closingBooked, BigDecimal expected, LocalDate lastBookingDate) {}
