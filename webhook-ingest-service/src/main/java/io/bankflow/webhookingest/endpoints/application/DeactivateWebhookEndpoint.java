package io.bankflow.webhookingest.endpoints.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops an endpoint from accepting webhooks. The endpoint and what it received stay (audit, deduplication); its
 * deliveries answer 404 from then on, which tells providers that retry to give up.
 */
@Service
public class DeactivateWebhookEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DeactivateWebhookEndpoint.class);

    private final WebhookEndpoints endpoints;
    private final Clock clock;

    DeactivateWebhookEndpoint(WebhookEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /**
     * Deactivates the endpoint; deactivating an inactive endpoint changes nothing.
     *
     * @throws NotFoundException when there is no such endpoint in the organisation
     */
    @Transactional
    public WebhookEndpoint deactivate(String orgId, UUID id) {
        WebhookEndpoint endpoint =
                endpoints.find(orgId, id).orElseThrow(() -> NotFoundException.of("Webhook endpoint", id));
        if (!endpoint.active()) {
            return endpoint;
        }
        WebhookEndpoint deactivated = endpoint.deactivate(clock.instant());
        endpoints.update(deactivated);
        log.info("Deactivated webhook endpoint {} of organisation {}", id, orgId);
        return deactivated;
    }
}
