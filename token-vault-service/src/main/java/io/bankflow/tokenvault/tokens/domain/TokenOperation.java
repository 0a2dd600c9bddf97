package io.bankflow.tokenvault.tokens.domain;

/** What was done with a connection's tokens, as recorded in the audit (column {@code token_audit.operation}). */
public enum TokenOperation {
    /** Tokens were stored or replaced. */
    TOKENS_STORED,
    /** The access token was decrypted and handed to a service for a call to the provider. */
    ACCESS_TOKEN_HANDED_OUT,
    /** The data key and ciphertexts were destroyed. */
    TOKENS_SHREDDED,
    /** An authorization code was exchanged at the provider and the tokens it gave were stored (never the code). */
    AUTHORIZATION_CODE_EXCHANGED,
    /** The refresh token was used at the provider and the new tokens replaced the old ones. */
    TOKENS_REFRESHED,
    /** The tokens can no longer be refreshed: the record became {@link TokenStatus#EXPIRED}. */
    TOKENS_EXPIRED
}
