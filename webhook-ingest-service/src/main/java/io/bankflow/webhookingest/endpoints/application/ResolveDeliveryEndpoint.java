package io.bankflow.webhookingest.endpoints.application;

import io.bankflow.webhookingest.endpoints.application.port.out.SecretSealer;
import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.bankflow.webhookingest.providers.domain.Provider;
import io.bankflow.webhookingest.providers.domain.SigningSecret;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoint an incoming webhook is addressed to, with its secret opened for verification. Used by the receiving
 * feature; the secret never leaves this service.
 */
@Service
public class ResolveDeliveryEndpoint {

    private final WebhookEndpoints endpoints;
    private final SecretSealer sealer;

    ResolveDeliveryEndpoint(WebhookEndpoints endpoints, SecretSealer sealer) {
        this.endpoints = endpoints;
        this.sealer = sealer;
    }

    /**
     * @param provider the provider named in the URL
     * @param endpointId the endpoint id in the URL
     * @return the endpoint, or empty when it does not exist, is inactive or belongs to another provider (all three
     *     look the same to the caller: an unknown URL)
     */
    @Transactional(readOnly = true)
    public Optional<DeliveryEndpoint> resolve(Provider provider, UUID endpointId) {
        return endpoints
                .findForDelivery(endpointId)
                .filter(endpoint -> endpoint.active() && endpoint.provider() == provider)
                .map(endpoint -> new DeliveryEndpoint(
                        endpoint.id(),
                        endpoint.orgId(),
                        endpoint.provider(),
                        sealer.open(endpoint.secret(), endpoint.secretBinding())));
    }

    /**
     * An active endpoint, ready to verify a delivery.
     *
     * @param id the endpoint id
     * @param orgId the organisation every webhook received on it belongs to
     * @param provider its provider
     * @param secret its signing secret
     */
    public record DeliveryEndpoint(UUID id, String orgId, Provider provider, SigningSecret secret) {}
}
