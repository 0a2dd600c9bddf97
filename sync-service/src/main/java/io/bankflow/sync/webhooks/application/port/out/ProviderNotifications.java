package io.bankflow.sync.webhooks.application.port.out;

import io.bankflow.sync.webhooks.domain.ProviderNotification;
import java.util.UUID;

/** The recorded provider notifications, one per organisation and webhook delivery. */
public interface ProviderNotifications {

    /** Whether the organisation's webhook delivery was recorded already. */
    boolean exists(String orgId, UUID webhookId);

    /** Records a notification in the caller's transaction. */
    void add(ProviderNotification notification);
}
