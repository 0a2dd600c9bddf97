package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.ExpiryReason;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import org.jspecify.annotations.Nullable;

/** Events about token records, published with the change that caused them (transactional outbox). */
public interface TokenEvents {

    /**
     * The record's tokens were shredded ({@code TokenRevoked}); never carries a token.
     *
     * @param shredded the record after shredding
     */
    void revoked(TokenRecord shredded);

    /**
     * The record's access token was refreshed ({@code TokenRefreshed}): expiry times only, never a token.
     *
     * @param refreshed the record after the refresh
     * @param rotated whether the provider issued a new refresh token (the old one is dead)
     */
    void refreshed(TokenRecord refreshed, boolean rotated);

    /**
     * The record's tokens can no longer be used ({@code TokenExpired}): the customer must consent again.
     *
     * @param expired the record after expiring
     * @param reason why
     * @param providerErrorCode the provider's OAuth2 error code, if it refused (never its description)
     */
    void expired(TokenRecord expired, ExpiryReason reason, @Nullable String providerErrorCode);
}
