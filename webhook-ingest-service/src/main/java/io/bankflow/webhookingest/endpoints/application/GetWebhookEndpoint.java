package io.bankflow.webhookingest.endpoints.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One endpoint of the caller's organisation. */
@Service
public class GetWebhookEndpoint {

    private final WebhookEndpoints endpoints;

    GetWebhookEndpoint(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @throws NotFoundException when there is no such endpoint in the organisation (another organisation's endpoint
     *     is not found either, so ids cannot be probed)
     */
    @Transactional(readOnly = true)
    public WebhookEndpoint get(String orgId, UUID id) {
        return endpoints.find(orgId, id).orElseThrow(() -> NotFoundException.of("Webhook endpoint", id));
    }
}
