package io.bankflow.reconciliation.expectedpayments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the expected-payments API ({@code bankflow.reconciliation.expected-payments.*}).
 *
 * @param idempotencyRetention how long an {@code Idempotency-Key} of a creation is remembered; a retry within it gets
 *     the first response again
 */
@ConfigurationProperties("bankflow.reconciliation.expected-payments")
public record ExpectedPaymentsProperties(
        @DefaultValue("24h") Duration idempotencyRetention) {

    public ExpectedPaymentsProperties {
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException(
                    "bankflow.reconciliation.expected-payments.idempotency-retention must be positive, was "
                            + idempotencyRetention);
        }
    }
}
