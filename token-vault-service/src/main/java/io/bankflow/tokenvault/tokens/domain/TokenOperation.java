package io.bankflow.tokenvault.tokens.domain;

/** What was done with a connection's tokens, as recorded in the audit (column {@code token_audit.operation}). */
public enum TokenOperation {
    /** Tokens were stored or replaced. */
    TOKENS_STORED,
    /** The access token was decrypted and handed to a service for a call to the provider. */
    ACCESS_TOKEN_HANDED_OUT,
    /** The data key and ciphertexts were destroyed. */
    TOKENS_SHREDDED
}
