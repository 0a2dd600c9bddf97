package io.bankflow.webhookingest.receiving.application.port.out;

import io.bankflow.webhookingest.receiving.domain.ReceivedWebhook;
import java.util.Optional;
import java.util.UUID;

/** The stored deliveries, unique per organisation, provider and provider event id. */
public interface ReceivedWebhooks {

    /**
     * Stores a delivery unless the same event (organisation, provider, provider event id) is stored already. Runs in
     * the caller's transaction. A concurrent transaction storing the same event makes this wait for it: exactly one of
     * them stores it.
     *
     * @return empty when this delivery was stored; else the id of the delivery stored earlier for the same event
     */
    Optional<UUID> storeIfNew(ReceivedWebhook webhook);
}
