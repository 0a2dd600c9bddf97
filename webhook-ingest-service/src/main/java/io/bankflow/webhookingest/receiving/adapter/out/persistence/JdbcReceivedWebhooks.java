package io.bankflow.webhookingest.receiving.adapter.out.persistence;

import io.bankflow.webhookingest.receiving.application.port.out.ReceivedWebhooks;
import io.bankflow.webhookingest.receiving.domain.ReceivedWebhook;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ReceivedWebhooks} on {@code received_webhook}. Plain SQL rather than JPA: deduplication must be one atomic
 * {@code INSERT ... ON CONFLICT DO NOTHING} on the unique index, so that two concurrent deliveries of the same event
 * cannot both be stored (and published); rows are append-only, with no entity life cycle to manage.
 */
@Repository
class JdbcReceivedWebhooks implements ReceivedWebhooks {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcReceivedWebhooks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<UUID> storeIfNew(ReceivedWebhook webhook) {
        // On a conflict with an uncommitted insert of the same event, PostgreSQL waits for that transaction: if it
        // commits, this inserts nothing; if it rolls back, this inserts.
        int inserted = jdbc.sql("""
                INSERT INTO received_webhook (id, org_id, endpoint_id, provider, provider_event_id, event_type,
                                              subject_ref, payload, content_type, headers, signed_at, received_at)
                VALUES (:id, :orgId, :endpointId, :provider, :providerEventId, :eventType,
                        :subjectRef, :payload, :contentType, CAST(:headers AS jsonb), :signedAt, :receivedAt)
                ON CONFLICT (org_id, provider, provider_event_id) DO NOTHING
                """)
                .param("id", webhook.id())
                .param("orgId", webhook.orgId())
                .param("endpointId", webhook.endpointId())
                .param("provider", webhook.provider().wireName())
                .param("providerEventId", webhook.description().providerEventId())
                .param("eventType", webhook.description().eventType())
                .param("subjectRef", webhook.description().subjectRef())
                .param("payload", webhook.payload())
                .param("contentType", webhook.contentType().orElse(null))
                .param("headers", json.writeValueAsString(webhook.description().retainedHeaders()))
                .param("signedAt", Timestamp.from(webhook.signedAt()))
                .param("receivedAt", Timestamp.from(webhook.receivedAt()))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT id FROM received_webhook
                        WHERE org_id = :orgId AND provider = :provider AND provider_event_id = :providerEventId
                        """)
                .param("orgId", webhook.orgId())
                .param("provider", webhook.provider().wireName())
                .param("providerEventId", webhook.description().providerEventId())
                .query(UUID.class)
                .single());
    }
}
