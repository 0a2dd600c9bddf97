package io.bankflow.connection.connections.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ExpiryReason;
import io.bankflow.events.EventTopics;
import io.bankflow.events.connection.ConnectionActivated;
import io.bankflow.events.connection.ConnectionExpired;
import io.bankflow.events.connection.ConnectionExpiryReason;
import io.bankflow.events.connection.ConnectionRevocationReason;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.events.connection.ConsentExpiring;
import io.bankflow.events.sync.SyncReason;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.kafkaevents.correlation.EventMetadataFactory;
import io.bankflow.kafkaevents.outbox.OutboxEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class OutboxConnectionEventsTest {

    static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    final RecordingOutbox outbox = new RecordingOutbox();
    final OutboxConnectionEvents events =
            new OutboxConnectionEvents(outbox, new EventMetadataFactory(Clock.fixed(NOW, ZoneOffset.UTC)));

    static BankConnection activeConnection() {
        return BankConnection.pendingConsent(
                        UUID.randomUUID(),
                        "acme-industries",
                        "sandbox-bank",
                        "sandbox",
                        UUID.randomUUID(),
                        "consent-4711",
                        NOW)
                .authorized("consent-4711", LocalDate.parse("2027-05-20"), NOW)
                .connection();
    }

    @Test
    void initialSyncRequestedCarriesTheAccountProviderConsentAndElectronicIban() {
        BankConnection connection = activeConnection();
        Iban iban = Iban.parse("NO93 8601 1117 947");

        events.initialSyncRequested(connection, LocalDate.parse("2026-08-23"), iban);

        assertThat(outbox.appended).hasSize(1);
        Appended appended = outbox.appended.getFirst();
        assertThat(appended.topic()).isEqualTo(EventTopics.SYNC_REQUESTED);
        assertThat(appended.key()).isEqualTo(connection.id().toString());
        SyncRequested event = (SyncRequested) appended.event();
        assertThat(event.getConnectionId()).isEqualTo(connection.id().toString());
        assertThat(event.getReason()).isEqualTo(SyncReason.INITIAL);
        assertThat(event.getDateFrom()).isEqualTo(LocalDate.parse("2026-08-23"));
        assertThat(event.getAccountId()).isEqualTo(connection.bankAccountId().toString());
        assertThat(event.getProvider()).isEqualTo("sandbox-bank");
        assertThat(event.getProviderConsentId()).isEqualTo("consent-4711");
        assertThat(event.getAccountIban()).isEqualTo("NO9386011117947");
        assertThat(event.getMetadata().getOrgId()).isEqualTo("acme-industries");
    }

    @Test
    void initialSyncRequestedWithoutAKnownIbanLeavesItNull() {
        BankConnection connection = activeConnection();

        events.initialSyncRequested(connection, LocalDate.parse("2026-08-23"), null);

        SyncRequested event = (SyncRequested) outbox.appended.getFirst().event();
        assertThat(event.getAccountIban()).isNull();
        assertThat(event.getAccountId()).isEqualTo(connection.bankAccountId().toString());
    }

    @Test
    void connectionActivatedCarriesTheMomentTheConsentEndsAndWhetherItIsAReactivation() {
        BankConnection connection = activeConnection();

        events.activated(connection, NOW, true);

        ConnectionActivated event =
                (ConnectionActivated) outbox.appended.getFirst().event();
        assertThat(outbox.appended.getFirst().topic()).isEqualTo(EventTopics.CONNECTION_ACTIVATED);
        assertThat(event.getConsentValidUntil()).isEqualTo(Instant.parse("2027-05-21T00:00:00Z"));
        assertThat(event.getReactivation()).isTrue();
        assertThat(event.getActivatedAt()).isEqualTo(NOW);
    }

    @Test
    void consentExpiringNamesTheAccountAndTheConsentsEnd() {
        BankConnection connection = activeConnection();

        events.consentExpiring(connection);

        Appended appended = outbox.appended.getFirst();
        assertThat(appended.topic()).isEqualTo(EventTopics.CONSENT_EXPIRING);
        assertThat(appended.key()).isEqualTo(connection.id().toString());
        ConsentExpiring event = (ConsentExpiring) appended.event();
        assertThat(event.getConsentValidUntil()).isEqualTo(Instant.parse("2027-05-21T00:00:00Z"));
        assertThat(event.getAccountId()).isEqualTo(connection.bankAccountId().toString());
        assertThat(event.getProvider()).isEqualTo("sandbox-bank");
    }

    @Test
    void connectionExpiredNamesItsReasonAndCause() {
        BankConnection connection = activeConnection();
        UUID cause = UUID.randomUUID();

        events.expired(connection, ExpiryReason.TOKEN_REFRESH_FAILED, NOW, cause);
        events.expired(connection, ExpiryReason.CONSENT_EXPIRED, NOW, null);

        ConnectionExpired byToken = (ConnectionExpired) outbox.appended.get(0).event();
        ConnectionExpired byJob = (ConnectionExpired) outbox.appended.get(1).event();
        assertThat(outbox.appended.get(0).topic()).isEqualTo(EventTopics.CONNECTION_EXPIRED);
        assertThat(byToken.getReason()).isEqualTo(ConnectionExpiryReason.TOKEN_REFRESH_FAILED);
        assertThat(byToken.getMetadata().getCausationId()).isEqualTo(cause.toString());
        assertThat(byJob.getReason()).isEqualTo(ConnectionExpiryReason.CONSENT_EXPIRED);
        assertThat(byJob.getMetadata().getCausationId()).isNull();
        assertThat(byJob.getConsentValidUntil()).isEqualTo(Instant.parse("2027-05-21T00:00:00Z"));
    }

    @Test
    void connectionRevokedIsAUsersRequestNamingWhoDisconnected() {
        BankConnection connection = activeConnection();

        events.revoked(connection, NOW, "acme-erp");

        Appended appended = outbox.appended.getFirst();
        assertThat(appended.topic()).isEqualTo(EventTopics.CONNECTION_REVOKED);
        ConnectionRevoked event = (ConnectionRevoked) appended.event();
        assertThat(event.getReason()).isEqualTo(ConnectionRevocationReason.USER_REQUEST);
        assertThat(event.getRevokedBy()).isEqualTo("acme-erp");
        assertThat(event.getAccountId()).isEqualTo(connection.bankAccountId().toString());
        assertThat(event.getRevokedAt()).isEqualTo(NOW);
    }

    record Appended(String topic, String key, SpecificRecord event) {}

    static final class RecordingOutbox implements OutboxEvents {

        final List<Appended> appended = new ArrayList<>();

        @Override
        public void append(String topic, String key, SpecificRecord event) {
            appended.add(new Appended(topic, key, event));
        }

        @Override
        public void append(String topic, String key, SpecificRecord event, Map<String, String> headers) {
            append(topic, key, event);
        }
    }
}
