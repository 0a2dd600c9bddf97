package io.bankflow.sync.jobs.domain;

import java.util.Map;
import java.util.Set;

/**
 * Which provider webhooks mean "new statement data is available": those start a WEBHOOK sync of the connection they
 * name. Other webhooks (consent events, payouts) belong to other use cases.
 */
public final class NewDataNotifications {

    private static final Map<String, Set<String>> EVENT_TYPES = Map.of(
            // deploy/sandbox-bank's Standard Webhooks message.
            "sandbox-bank", Set.of("transactions.available"));

    private NewDataNotifications() {}

    public static boolean meansNewData(String provider, String eventType) {
        return EVENT_TYPES.getOrDefault(provider, Set.of()).contains(eventType);
    }
}
