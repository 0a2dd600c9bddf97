package io.bankflow.tokenvault.tokens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited operation on a connection's tokens: who, when, which connection, what. Never the token.
 *
 * @param binding the organisation and connection
 * @param operation what was done
 * @param actor the service client that asked, or the event that caused it
 * @param occurredAt when
 */
public record TokenAuditEntry(TokenBinding binding, TokenOperation operation, String actor, Instant occurredAt) {

    public TokenAuditEntry {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
