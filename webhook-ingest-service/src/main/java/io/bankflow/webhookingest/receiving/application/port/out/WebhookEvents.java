package io.bankflow.webhookingest.receiving.application.port.out;

import io.bankflow.webhookingest.receiving.domain.ReceivedWebhook;

/** Tells the rest of Bankflow about received webhooks. */
public interface WebhookEvents {

    /**
     * Publishes {@code WebhookReceived} for a newly stored delivery, in the caller's transaction (outbox): it leaves
     * only if the delivery is committed.
     */
    void received(ReceivedWebhook webhook);
}
