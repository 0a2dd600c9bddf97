package io.bankflow.webhookingest.receiving;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the webhook receiver ({@code bankflow.webhooks.receiving.*}).
 *
 * @param timestampTolerance how far a delivery's signed timestamp may be from our clock, either way, before it is
 *     refused as a possible replay. Standard Webhooks and Stripe both use 5 minutes.
 * @param maxBodySize the largest body accepted; larger deliveries answer 413 without being buffered. Provider
 *     payloads are small (Standard Webhooks recommends under 20 KB).
 */
@ConfigurationProperties("bankflow.webhooks.receiving")
public record ReceivingProperties(
        @DefaultValue("5m") Duration timestampTolerance,
        @DefaultValue("256KB") DataSize maxBodySize) {

    public ReceivingProperties {
        if (timestampTolerance.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "bankflow.webhooks.receiving.timestamp-tolerance must be at least 1s, was " + timestampTolerance);
        }
        if (maxBodySize.toBytes() < 1
                || maxBodySize.toBytes() > DataSize.ofMegabytes(10).toBytes()) {
            throw new IllegalArgumentException(
                    "bankflow.webhooks.receiving.max-body-size must be between 1B and 10MB, was " + maxBodySize);
        }
    }
}
