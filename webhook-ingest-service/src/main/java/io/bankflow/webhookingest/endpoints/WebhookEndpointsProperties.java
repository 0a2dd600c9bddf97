package io.bankflow.webhookingest.endpoints;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhook endpoint API ({@code bankflow.webhooks.endpoints.*}).
 *
 * @param idempotencyRetention how long an {@code Idempotency-Key} of a creation is remembered; a retry within it gets
 *     the first response again
 * @param defaultPageSize endpoints per page when the client gives no {@code limit}
 * @param maxPageSize the largest {@code limit} accepted
 */
@ConfigurationProperties("bankflow.webhooks.endpoints")
public record WebhookEndpointsProperties(
        @DefaultValue("24h") Duration idempotencyRetention,
        @DefaultValue("50") int defaultPageSize,
        @DefaultValue("100") int maxPageSize) {

    public WebhookEndpointsProperties {
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException(
                    "bankflow.webhooks.endpoints.idempotency-retention must be positive, was " + idempotencyRetention);
        }
        if (maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("bankflow.webhooks.endpoints: need 1 <= default-page-size ("
                    + defaultPageSize + ") <= max-page-size (" + maxPageSize + ")");
        }
    }
}
