package io.bankflow.sandboxbank.oauth.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the token endpoint answers.
 *
 * @param accessToken opaque random string
 * @param expiresIn seconds the access token is accepted
 * @param refreshToken opaque random string, rotated on each use
 * @param scope {@code AIS:<consentId>}
 */
public record Tokens(String accessToken, Duration expiresIn, String refreshToken, String scope) {

    /** An access token as AIS checks it. */
    public record AccessGrant(String consentId, String clientId, Instant expiresAt) {}
}
