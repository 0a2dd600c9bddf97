package io.bankflow.connection.connections;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the connections feature ({@code bankflow.connections.*}).
 *
 * @param callbackUrl where the bank sends the user back: the public {@code /oauth/callback} (through the gateway);
 *     it must be registered at the bank for our client
 * @param stateTtl how long an authorization URL can be completed (state and PKCE verifier expire after it)
 * @param consentValidity how long the consent asked of the bank lasts (PSD2: at most 180 days; the bank may shorten it)
 * @param consentFrequencyPerDay unattended reads per account and day asked for (PSD2 RTS: at most 4)
 * @param verifierKey base64 of a 256-bit AES key that encrypts stored PKCE verifiers; empty: read (or first create,
 *     owner-only) {@code connection-service-verifier.key} in {@code secretsDir}
 * @param secretsDir the directory of local secrets
 * @param idempotencyRetention how long an {@code Idempotency-Key} of a connection creation is remembered (24 h)
 */
@ConfigurationProperties("bankflow.connections")
public record ConnectionsProperties(
        @DefaultValue("http://127.0.0.1:18600/oauth/callback")
        URI callbackUrl,

        @DefaultValue("10m") Duration stateTtl,
        @DefaultValue("180d") Duration consentValidity,
        @DefaultValue("4") int consentFrequencyPerDay,
        @Nullable String verifierKey,
        @DefaultValue(".bankflow/secrets") Path secretsDir,
        @DefaultValue("24h") Duration idempotencyRetention) {

    public ConnectionsProperties {
        if (stateTtl.isNegative() || stateTtl.isZero()) {
            throw new IllegalArgumentException("bankflow.connections.state-ttl must be positive");
        }
        if (consentValidity.toDays() < 1 || consentValidity.toDays() > 180) {
            throw new IllegalArgumentException("bankflow.connections.consent-validity must be 1 to 180 days (PSD2)");
        }
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException("bankflow.connections.idempotency-retention must be positive");
        }
        if (consentFrequencyPerDay < 1 || consentFrequencyPerDay > 4) {
            throw new IllegalArgumentException("bankflow.connections.consent-frequency-per-day must be 1 to 4 (PSD2)");
        }
    }
}
