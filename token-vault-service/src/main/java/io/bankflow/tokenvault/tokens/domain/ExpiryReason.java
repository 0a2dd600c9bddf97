package io.bankflow.tokenvault.tokens.domain;

/** Why a connection's tokens can no longer be used (TokenExpired's reason). */
public enum ExpiryReason {
    /** The provider refused the refresh token ({@code invalid_grant}), or there was none left to use. */
    REFRESH_FAILED,
    /** The consent's validity ended. */
    CONSENT_EXPIRED,
    /** The bank or the customer revoked access at the provider. */
    REVOKED_BY_PROVIDER
}
