package io.bankflow.webhookingest.receiving.application;

import io.bankflow.webhookingest.endpoints.application.ResolveDeliveryEndpoint;
import io.bankflow.webhookingest.providers.domain.DeliveryDescription;
import io.bankflow.webhookingest.providers.domain.MalformedDeliveryException;
import io.bankflow.webhookingest.providers.domain.Provider;
import io.bankflow.webhookingest.providers.domain.ProviderCatalog;
import io.bankflow.webhookingest.providers.domain.Verification;
import io.bankflow.webhookingest.providers.domain.WebhookDelivery;
import io.bankflow.webhookingest.providers.domain.WebhookEventFormat;
import io.bankflow.webhookingest.receiving.application.port.out.PayloadParser;
import io.bankflow.webhookingest.receiving.application.port.out.ReceivedWebhooks;
import io.bankflow.webhookingest.receiving.application.port.out.WebhookEvents;
import io.bankflow.webhookingest.receiving.domain.ReceivedWebhook;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Receives one webhook delivery: finds the endpoint it is addressed to, verifies its signature with that endpoint's
 * secret, reads what it is about, and stores it once per provider event, publishing {@code WebhookReceived} with the
 * endpoint's organisation in the same transaction (outbox). A retry of a stored event is recognised and neither stored
 * nor published again.
 *
 * <p>Only storing and publishing run in a transaction: verification needs none, and the outcome is counted after the
 * commit, so a failed commit is not counted as accepted.
 */
@Service
public class ReceiveWebhook {

    private static final Logger log = LoggerFactory.getLogger(ReceiveWebhook.class);

    private final ResolveDeliveryEndpoint resolveEndpoint;
    private final ProviderCatalog providers;
    private final PayloadParser payloads;
    private final ReceivedWebhooks receivedWebhooks;
    private final WebhookEvents events;
    private final TransactionOperations transactions;
    private final WebhookMetrics metrics;
    private final Clock clock;

    ReceiveWebhook(
            ResolveDeliveryEndpoint resolveEndpoint,
            ProviderCatalog providers,
            PayloadParser payloads,
            ReceivedWebhooks receivedWebhooks,
            WebhookEvents events,
            TransactionOperations transactions,
            WebhookMetrics metrics,
            Clock clock) {
        this.resolveEndpoint = resolveEndpoint;
        this.providers = providers;
        this.payloads = payloads;
        this.receivedWebhooks = receivedWebhooks;
        this.events = events;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Receives a delivery.
     *
     * @return what became of it; rejections are results, not exceptions, so every outcome is counted alike
     */
    public Receipt receive(Command command) {
        Timer.Sample timing = metrics.start();
        Receipt receipt;
        try {
            receipt = process(command);
        } catch (RuntimeException unexpected) {
            // Counted, then answered 500 by the web layer: the provider retries later.
            metrics.record(timing, command.provider(), Receipt.Outcome.ERROR);
            throw unexpected;
        }
        metrics.record(timing, command.provider(), receipt.outcome());
        return receipt;
    }

    private Receipt process(Command command) {
        Optional<Provider> provider = Provider.fromWireName(command.provider());
        Optional<UUID> endpointId = parseUuid(command.endpointId());
        Optional<ResolveDeliveryEndpoint.DeliveryEndpoint> resolved =
                provider.flatMap(p -> endpointId.flatMap(id -> resolveEndpoint.resolve(p, id)));
        if (resolved.isEmpty()) {
            // Unknown provider, malformed id, no such endpoint, inactive, or another provider's: all look alike.
            return new Receipt.Rejected(Receipt.Outcome.UNKNOWN_ENDPOINT, "No active webhook endpoint at this URL.");
        }
        ResolveDeliveryEndpoint.DeliveryEndpoint endpoint = resolved.get();
        WebhookDelivery delivery = command.delivery();
        Instant now = clock.instant();

        Verification verification = providers.verifier(endpoint.provider()).verify(delivery, endpoint.secret(), now);
        if (verification instanceof Verification.Rejected rejected) {
            Receipt.Outcome outcome = rejected.failure() == Verification.Failure.TIMESTAMP_OUT_OF_TOLERANCE
                    ? Receipt.Outcome.STALE
                    : Receipt.Outcome.SIGNATURE_INVALID;
            // The detail names the failed check only; it never holds the secret or the signatures.
            log.info(
                    "Refused a webhook for endpoint {} ({}, organisation {}): {}",
                    endpoint.id(),
                    endpoint.provider(),
                    endpoint.orgId(),
                    rejected.detail());
            return new Receipt.Rejected(outcome, rejected.detail());
        }
        Instant signedAt = ((Verification.Verified) verification).signedAt();

        WebhookEventFormat format = providers.format(endpoint.provider());
        DeliveryDescription description;
        try {
            description = format.describe(delivery, payloads.parse(delivery.body()));
        } catch (MalformedDeliveryException e) {
            log.info(
                    "Refused a signed but malformed webhook for endpoint {} ({}, organisation {}): {}",
                    endpoint.id(),
                    endpoint.provider(),
                    endpoint.orgId(),
                    e.getMessage());
            return new Receipt.Rejected(Receipt.Outcome.MALFORMED, String.valueOf(e.getMessage()));
        }

        ReceivedWebhook webhook = new ReceivedWebhook(
                UUID.randomUUID(),
                endpoint.orgId(),
                endpoint.id(),
                endpoint.provider(),
                description,
                delivery.body(),
                signedAt,
                now);
        Receipt receipt = Objects.requireNonNull(transactions.execute(status -> store(webhook)));
        if (receipt instanceof Receipt.Accepted) {
            log.info(
                    "Accepted webhook {} from {} for organisation {}: event {} of type {}",
                    webhook.id(),
                    webhook.provider(),
                    webhook.orgId(),
                    description.providerEventId(),
                    description.eventType());
        } else {
            log.info(
                    "Webhook event {} from {} for organisation {} was received before as {}; not published again",
                    description.providerEventId(),
                    webhook.provider(),
                    webhook.orgId(),
                    ((Receipt.Duplicate) receipt).webhookId());
        }
        return receipt;
    }

    private Receipt store(ReceivedWebhook webhook) {
        Optional<UUID> earlier = receivedWebhooks.storeIfNew(webhook);
        if (earlier.isPresent()) {
            return new Receipt.Duplicate(earlier.get());
        }
        events.received(webhook);
        return new Receipt.Accepted(webhook.id());
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /**
     * A delivery as the web layer hands it over.
     *
     * @param provider the provider segment of the URL, as sent
     * @param endpointId the endpoint segment of the URL, as sent
     * @param delivery the headers and raw body
     */
    public record Command(String provider, String endpointId, WebhookDelivery delivery) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(delivery, "delivery");
        }
    }
}
