package io.bankflow.webhookingest.endpoints.application;

import io.bankflow.httpapi.UnprocessableException;
import io.bankflow.webhookingest.endpoints.WebhookEndpointsProperties;
import io.bankflow.webhookingest.endpoints.application.port.out.CreationRequests;
import io.bankflow.webhookingest.endpoints.application.port.out.SecretSealer;
import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.bankflow.webhookingest.endpoints.domain.SecretBinding;
import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import io.bankflow.webhookingest.providers.domain.Provider;
import io.bankflow.webhookingest.providers.domain.ProviderCatalog;
import io.bankflow.webhookingest.providers.domain.SigningSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a webhook endpoint for an organisation and a provider (ADR 0002), with the organisation's signing secret or
 * one generated here, which is then shown once.
 *
 * <p>With an {@code Idempotency-Key}, a retry of the same request (same key, same body) within the retention gets the
 * first response again, generated secret included: a client retries because it lost that response, and without the
 * secret the endpoint would be useless to it. The same key with a different body is refused (422).
 */
@Service
public class CreateWebhookEndpoint {

    private static final Logger log = LoggerFactory.getLogger(CreateWebhookEndpoint.class);

    private final WebhookEndpoints endpoints;
    private final SecretSealer sealer;
    private final CreationRequests creationRequests;
    private final ProviderCatalog providers;
    private final WebhookEndpointsProperties properties;
    private final Clock clock;

    CreateWebhookEndpoint(
            WebhookEndpoints endpoints,
            SecretSealer sealer,
            CreationRequests creationRequests,
            ProviderCatalog providers,
            WebhookEndpointsProperties properties,
            Clock clock) {
        this.endpoints = endpoints;
        this.sealer = sealer;
        this.creationRequests = creationRequests;
        this.providers = providers;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates the endpoint, or replays an earlier creation with the same idempotency key.
     *
     * @throws InvalidEndpointRequestException for an unsupported provider or an unacceptable secret (400)
     * @throws UnprocessableException when the idempotency key was used for a different request (422)
     */
    @Transactional
    public Created create(Command command) {
        Provider provider = Provider.fromWireName(command.provider())
                .orElseThrow(InvalidEndpointRequestException::unsupportedProvider);
        Optional<SigningSecret> provided =
                Optional.ofNullable(command.signingSecret()).map(secret -> checkedSecret(provider, secret));
        if (provided.isEmpty() && provider.secretOrigin() == Provider.SecretOrigin.PROVIDED_ONLY) {
            throw InvalidEndpointRequestException.invalidSecret(
                    "is required for " + provider + ": use the signing secret " + provider + " shows for the endpoint");
        }

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (command.idempotencyKey() != null) {
            Optional<CreationRequests.EarlierCreation> earlier = creationRequests.claim(
                    command.orgId(),
                    command.idempotencyKey(),
                    fingerprint(provider, provided.isPresent()),
                    id,
                    now,
                    now.minus(properties.idempotencyRetention()));
            if (earlier.isPresent()) {
                return replay(command, provider, provided, earlier.get());
            }
        }

        SigningSecret secret = provided.or(() -> providers.generateSecret(provider))
                .orElseThrow(() -> new IllegalStateException("No secret for provider " + provider));
        boolean generated = provided.isEmpty();
        WebhookEndpoint endpoint = WebhookEndpoint.create(
                id,
                command.orgId(),
                provider,
                sealer.seal(secret, new SecretBinding(command.orgId(), id)),
                generated,
                now);
        endpoints.add(endpoint);
        log.info(
                "Created webhook endpoint {} for provider {} in organisation {} with a {} signing secret",
                id,
                provider,
                command.orgId(),
                generated ? "generated" : "provided");
        return new Created(endpoint, generated ? secret : null, false);
    }

    private SigningSecret checkedSecret(Provider provider, String value) {
        if (value.isBlank()) {
            throw InvalidEndpointRequestException.invalidSecret(
                    "must not be blank; leave it out to have one generated");
        }
        SigningSecret secret = SigningSecret.of(value);
        providers.verifier(provider).secretProblem(secret).ifPresent(problem -> {
            throw InvalidEndpointRequestException.invalidSecret(problem);
        });
        return secret;
    }

    private Created replay(
            Command command,
            Provider provider,
            Optional<SigningSecret> provided,
            CreationRequests.EarlierCreation earlier) {
        WebhookEndpoint endpoint = endpoints
                .find(command.orgId(), earlier.endpointId())
                .orElseThrow(() -> new IllegalStateException("Idempotency record of organisation " + command.orgId()
                        + " points to missing endpoint " + earlier.endpointId()));
        boolean sameRequest = earlier.fingerprint().equals(fingerprint(provider, provided.isPresent()))
                // The fingerprint holds no secret; a provided one is compared with the stored one, in constant time.
                && provided.map(secret -> secret.sameAs(sealer.open(endpoint.secret(), endpoint.secretBinding())))
                        .orElse(true);
        if (!sameRequest) {
            throw new UnprocessableException(
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new"
                            + " request.");
        }
        SigningSecret shown =
                endpoint.secretGenerated() ? sealer.open(endpoint.secret(), endpoint.secretBinding()) : null;
        log.info("Replayed the creation of webhook endpoint {} for a retried request", endpoint.id());
        return new Created(endpoint, shown, true);
    }

    /** What a creation asked for, without the secret itself. */
    private static String fingerprint(Provider provider, boolean secretProvided) {
        return "provider=" + provider.wireName() + ";secret=" + (secretProvided ? "provided" : "generated");
    }

    /**
     * A creation request.
     *
     * @param orgId the caller's organisation
     * @param provider the provider's wire name as the client sent it
     * @param signingSecret the organisation's own secret, or null to have one generated
     * @param idempotencyKey the client's {@code Idempotency-Key}, or null
     */
    public record Command(
            String orgId,
            String provider,
            @Nullable String signingSecret,
            @Nullable String idempotencyKey) {

        public Command {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public String toString() {
            return "Command[orgId=" + orgId + ", provider=" + provider + ", signingSecret="
                    + (signingSecret == null ? "none" : "(provided)") + ", idempotencyKey=" + idempotencyKey + "]";
        }
    }

    /**
     * The endpoint created (or created earlier, for a replay).
     *
     * @param endpoint the endpoint
     * @param generatedSecret the secret Bankflow generated, to show this once; null when the organisation brought it
     * @param replayed whether this answers a retried request
     */
    public record Created(
            WebhookEndpoint endpoint, @Nullable SigningSecret generatedSecret, boolean replayed) {}
}
