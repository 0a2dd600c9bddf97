package io.bankflow.kafkaevents.testapp;

import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A use case as services write them: a state change (a row in {@code account}) and the event it implies, appended to
 * the outbox in the same transaction.
 */
@Service
public class OpenAccount {

    private final JdbcClient jdbc;
    private final OutboxEvents outbox;
    private final EventMetadataFactory metadata;

    OpenAccount(JdbcClient jdbc, OutboxEvents outbox, EventMetadataFactory metadata) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.metadata = metadata;
    }

    /** Opens an account and announces it on {@code topic}, keyed by the account id. */
    @Transactional
    public UUID open(String topic, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO account (id, name) VALUES (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
        outbox.append(topic, id.toString(), event(id.toString(), name));
        return id;
    }

    /** Like {@link #open}, then fails: neither the account nor its event may survive. */
    @Transactional
    public UUID openThenFail(String topic, String name) {
        open(topic, name);
        throw new IllegalStateException("the use case failed after appending its event");
    }

    /** Appends several events for one key in one transaction. */
    @Transactional
    public void appendAll(String topic, String key, String... labels) {
        for (String label : labels) {
            outbox.append(topic, key, event(key, label));
        }
    }

    private SyncRequested event(String connectionId, String label) {
        return SyncRequested.newBuilder()
                .setMetadata(metadata.newMetadata("org-test"))
                .setConnectionId(connectionId)
                .setReason(SyncReason.MANUAL)
                .setDateFrom(null)
                .setDateTo(null)
                .setRequestedBy(label)
                .build();
    }
}
