package io.bankflow.sync.statements.application.port.out;

import java.util.Objects;

/**
 * What one read of a provider needs: the consent and a short-lived access token for it (from token-vault-service).
 * {@link #toString()} never shows the token.
 *
 * @param consentId the provider's consent id (Berlin Group {@code Consent-ID})
 * @param accessToken the bearer token
 */
public record ProviderAccess(String consentId, String accessToken) {

    public ProviderAccess {
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "ProviderAccess[consentId=" + consentId + ", accessToken=***]";
    }
}
