package io.bankflow.reconciliation.matching.domain;

/** How a deposit was matched. */
public enum MatchMethod {
    /** Exactly one active customer code of the organisation in the payer's text. */
    CUSTOMER_CODE,
    /** A person in the review queue. */
    MANUAL
}
