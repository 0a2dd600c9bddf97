package io.bankflow.webhookingest.providers.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Checks that a delivery was signed by whoever holds the endpoint's signing secret, recently enough.
 *
 * <p>One implementation per signature scheme. Implementations compare signatures in constant time, check the
 * signature before the timestamp (a timestamp only means something once it is known to be authentic), and never put
 * the secret or a signature into a {@link Verification.Rejected#detail()}.
 */
public interface WebhookVerifier {

    /**
     * Verifies a delivery.
     *
     * @param delivery the request as received
     * @param secret the endpoint's signing secret
     * @param now the current time, to check the signed timestamp against
     * @return {@link Verification.Verified} or a {@link Verification.Rejected} saying which check failed
     */
    Verification verify(WebhookDelivery delivery, SigningSecret secret, Instant now);

    /**
     * Checks that a secret an organisation brings has this scheme's form, before an endpoint is created with it.
     *
     * @param candidate the secret
     * @return what is wrong with it, phrased to follow "signingSecret ..." and without echoing it; empty when fine
     */
    Optional<String> secretProblem(SigningSecret candidate);

    /**
     * A new secret of this scheme, for providers whose endpoints' secrets Bankflow generates.
     *
     * @param random a cryptographically strong generator ({@code SecureRandom})
     * @return the secret, or empty when the scheme's secrets are issued by the provider only
     */
    default Optional<SigningSecret> generateSecret(RandomGenerator random) {
        return Optional.empty();
    }
}
