package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.TokenRecord;

/** Events about token records, published with the change that caused them (transactional outbox). */
public interface TokenEvents {

    /**
     * The record's tokens were shredded ({@code TokenRevoked}); never carries a token.
     *
     * @param shredded the record after shredding
     */
    void revoked(TokenRecord shredded);
}
