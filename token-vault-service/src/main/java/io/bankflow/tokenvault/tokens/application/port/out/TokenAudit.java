package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;

/** The audit trail of token operations, written in the transaction of the operation itself. */
public interface TokenAudit {

    /** @param entry what was done; never holds a token */
    void record(TokenAuditEntry entry);
}
