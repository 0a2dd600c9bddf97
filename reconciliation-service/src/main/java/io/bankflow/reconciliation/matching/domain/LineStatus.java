package io.bankflow.reconciliation.matching.domain;

/** Booking status of a statement line. */
public enum LineStatus {
    /** Final, on the account: matched. */
    BOOKED,
    /** Authorised, not booked: may change, book under a new id or vanish, so it is not matched yet. */
    PENDING
}
