package io.bankflow.sync.statements.domain;

/** Booking status of a statement line. */
public enum LineStatus {
    /** Final, on the account. */
    BOOKED,
    /** Authorised but not booked yet: it may change, book under a new id, or vanish. */
    PENDING
}
