package io.bankflow.reconciliation.matching.domain;

/** Where a review item stands. */
public enum ReviewStatus {
    /** Waiting for a person. */
    OPEN,
    /** Matched by a person. */
    RESOLVED,
    /** Set aside without a match (not offered by the API yet). */
    DISMISSED
}
