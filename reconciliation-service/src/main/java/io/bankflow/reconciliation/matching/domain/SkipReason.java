package io.bankflow.reconciliation.matching.domain;

/** Why a statement line is neither matched nor queued for review. */
public enum SkipReason {
    /** Money out (or a zero amount): there is nothing to match. */
    NOT_A_CREDIT,
    /**
     * Not booked yet. sync-service publishes the line again when it books (then matched), possibly under a new id;
     * matching a pending line could attribute money that never arrives.
     */
    PENDING
}
