package io.bankflow.webhookingest.endpoints.application.port.out;

import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The stored webhook endpoints. Every organisation-facing query is scoped by the organisation. */
public interface WebhookEndpoints {

    /** Stores a new endpoint. */
    void add(WebhookEndpoint endpoint);

    /**
     * Stores a changed endpoint (deactivation).
     *
     * @throws IllegalStateException when it was changed concurrently since it was read (optimistic lock)
     */
    void update(WebhookEndpoint endpoint);

    /**
     * An endpoint of an organisation.
     *
     * @return the endpoint, or empty when it does not exist or belongs to another organisation
     */
    Optional<WebhookEndpoint> find(String orgId, UUID id);

    /**
     * An endpoint by id alone, for an incoming webhook: the provider calling it carries no organisation, the endpoint
     * says which one it belongs to (ADR 0002).
     */
    Optional<WebhookEndpoint> findForDelivery(UUID id);

    /**
     * A page of an organisation's endpoints, newest first (creation time, then id, both descending).
     *
     * @param after the position of the last endpoint of the previous page, or null for the first page
     * @param limit how many at most
     */
    List<WebhookEndpoint> list(String orgId, @Nullable Position after, int limit);

    /**
     * A position in the newest-first order.
     *
     * @param createdAt the endpoint's creation time (microseconds)
     * @param id the endpoint's id, breaking ties
     */
    record Position(Instant createdAt, UUID id) {}
}
