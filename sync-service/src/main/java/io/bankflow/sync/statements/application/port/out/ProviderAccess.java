package io.bankflow.sync.statements.application.port.out;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one read of a provider needs: the consent and a short-lived access token for it (from token-vault-service).
 * {@link #toString()} never shows the token.
 *
 * @param consentId the provider's consent id (Berlin Group {@code Consent-ID})
 * @param accessToken the bearer token
 * @param psuIpAddress the IP address of the person who asked for the read and is present, if one is; null for
 *     unattended reads (schedules, webhooks), which count against the consent's reads per day
 */
public record ProviderAccess(
        String consentId, String accessToken, @Nullable String psuIpAddress) {

    public ProviderAccess {
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** An unattended read. */
    public ProviderAccess(String consentId, String accessToken) {
        this(consentId, accessToken, null);
    }

    @Override
    public String toString() {
        return "ProviderAccess[consentId=" + consentId + ", accessToken=***, psuPresent=" + (psuIpAddress != null)
                + "]";
    }
}
