package io.bankflow.reconciliation.matching.domain;

/** Why a credit could not be matched automatically and went to the review queue. */
public enum UnmatchedReason {
    /** No customer code anywhere in the remittance information or the structured reference. */
    NO_REFERENCE,
    /** Customer codes were found, but none belongs to an active expected payment of the organisation. */
    UNKNOWN_CUSTOMER_CODE,
    /** More than one found code belongs to an active expected payment: a person must decide. */
    AMBIGUOUS
}
