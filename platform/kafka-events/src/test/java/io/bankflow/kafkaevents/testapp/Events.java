package io.bankflow.kafkaevents.testapp;

import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Test events: {@link SyncRequested} with {@code requestedBy} carrying a label the tests look for. */
public final class Events {

    private Events() {}

    public static SyncRequested syncRequested(String connectionId, String label) {
        return syncRequested(connectionId, label, UUID.randomUUID(), "corr-" + UUID.randomUUID());
    }

    public static SyncRequested syncRequested(String connectionId, String label, UUID eventId, String correlationId) {
        return SyncRequested.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(eventId)
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .setOrgId("org-test")
                        .setCorrelationId(correlationId)
                        .setCausationId(null)
                        .build())
                .setConnectionId(connectionId)
                .setReason(SyncReason.MANUAL)
                .setDateFrom(null)
                .setDateTo(null)
                .setRequestedBy(label)
                .build();
    }
}
