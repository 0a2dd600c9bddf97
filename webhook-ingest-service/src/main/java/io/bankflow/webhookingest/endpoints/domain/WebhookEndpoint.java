package io.bankflow.webhookingest.endpoints.domain;

import io.bankflow.webhookingest.providers.domain.Provider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one organisation receives one provider's webhooks: {@code /webhooks/{provider}/{id}}, verified with the
 * endpoint's own signing secret.
 *
 * @param id the endpoint id, the URL's last segment
 * @param orgId the organisation (tenant) that owns it; every webhook received on it belongs to this organisation
 * @param provider the provider that calls it
 * @param secret the signing secret, sealed
 * @param secretGenerated whether Bankflow generated the secret (then it is shown once) or the organisation brought it
 * @param createdAt when it was created, microsecond precision (what the database keeps, so cursors compare exactly)
 * @param deactivatedAt when it was deactivated; null while active
 */
public record WebhookEndpoint(
        UUID id,
        String orgId,
        Provider provider,
        SealedSecret secret,
        boolean secretGenerated,
        Instant createdAt,
        @Nullable Instant deactivatedAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        if (orgId.isBlank()) {
            throw new IllegalArgumentException("orgId must not be blank");
        }
    }

    /**
     * A new, active endpoint.
     *
     * @param id its id, chosen before the secret is sealed because the seal is bound to it
     * @param now the creation time; truncated to microseconds
     */
    public static WebhookEndpoint create(
            UUID id, String orgId, Provider provider, SealedSecret secret, boolean secretGenerated, Instant now) {
        return new WebhookEndpoint(
                id, orgId, provider, secret, secretGenerated, now.truncatedTo(ChronoUnit.MICROS), null);
    }

    /** Whether webhooks are accepted on it. */
    public boolean active() {
        return deactivatedAt == null;
    }

    /**
     * This endpoint, no longer accepting webhooks. Deactivating twice keeps the first moment.
     *
     * @param now the moment of deactivation
     */
    public WebhookEndpoint deactivate(Instant now) {
        if (!active()) {
            return this;
        }
        return new WebhookEndpoint(
                id, orgId, provider, secret, secretGenerated, createdAt, now.truncatedTo(ChronoUnit.MICROS));
    }

    /** The binding of its sealed secret. */
    public SecretBinding secretBinding() {
        return new SecretBinding(orgId, id);
    }

    /** The path the provider posts to, relative to the public base URL. */
    public String path() {
        return "/webhooks/" + provider.wireName() + "/" + id;
    }
}
