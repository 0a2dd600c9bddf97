package io.bankflow.connection.connections.domain;

/** Why a connection expired. */
public enum ExpiryReason {
    /** The consent's validity ended. */
    CONSENT_EXPIRED,
    /** The bank refused to refresh the tokens for good. */
    TOKEN_REFRESH_FAILED,
    /** The bank or the user revoked access at the bank. */
    REVOKED_BY_PROVIDER,
    /** Any other reason (a reason this version does not know). */
    OTHER
}
