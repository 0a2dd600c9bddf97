package io.bankflow.webhookingest.endpoints.adapter.out.persistence;

import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.bankflow.webhookingest.endpoints.domain.SealedSecret;
import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import io.bankflow.webhookingest.providers.domain.Provider;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Repository;

/** {@link WebhookEndpoints} on {@code webhook_endpoint} through Spring Data JPA. */
@Repository
class JpaWebhookEndpoints implements WebhookEndpoints {

    private final WebhookEndpointJpaRepository repository;

    JpaWebhookEndpoints(WebhookEndpointJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(WebhookEndpoint endpoint) {
        repository.save(new WebhookEndpointEntity(
                endpoint.id(),
                endpoint.orgId(),
                endpoint.provider().wireName(),
                endpoint.secret().ciphertext(),
                endpoint.secret().schemeVersion(),
                endpoint.secretGenerated(),
                endpoint.createdAt()));
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        WebhookEndpointEntity entity = repository
                .findByOrgIdAndId(endpoint.orgId(), endpoint.id())
                .orElseThrow(() -> new IllegalStateException("Webhook endpoint " + endpoint.id() + " vanished"));
        if (endpoint.deactivatedAt() != null && entity.deactivatedAt() == null) {
            entity.deactivate(endpoint.deactivatedAt());
        }
        // The entity is managed: the change is flushed at commit, guarded by its @Version.
    }

    @Override
    public Optional<WebhookEndpoint> find(String orgId, UUID id) {
        return repository.findByOrgIdAndId(orgId, id).map(JpaWebhookEndpoints::toDomain);
    }

    @Override
    public Optional<WebhookEndpoint> findForDelivery(UUID id) {
        return repository.findById(id).map(JpaWebhookEndpoints::toDomain);
    }

    @Override
    public List<WebhookEndpoint> list(String orgId, @Nullable Position after, int limit) {
        List<WebhookEndpointEntity> rows = after == null
                ? repository.firstPage(orgId, Limit.of(limit))
                : repository.pageAfter(orgId, after.createdAt(), after.id(), Limit.of(limit));
        return rows.stream().map(JpaWebhookEndpoints::toDomain).toList();
    }

    private static WebhookEndpoint toDomain(WebhookEndpointEntity entity) {
        Provider provider = Provider.fromWireName(entity.provider())
                .orElseThrow(() -> new IllegalStateException(
                        "Webhook endpoint " + entity.id() + " has an unknown provider " + entity.provider()));
        return new WebhookEndpoint(
                entity.id(),
                entity.orgId(),
                provider,
                new SealedSecret(entity.signingSecretCiphertext(), entity.kekVersion()),
                entity.secretGenerated(),
                entity.createdAt(),
                entity.deactivatedAt());
    }
}
