package io.bankflow.connection.connections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BankConnectionTest {

    static final Instant CREATED = Instant.parse("2026-11-21T07:00:00Z");
    static final Instant LATER = CREATED.plus(Duration.ofHours(1));
    static final LocalDate VALID_UNTIL = LocalDate.parse("2027-05-20");

    static BankConnection pending() {
        return BankConnection.pendingConsent(
                UUID.randomUUID(),
                "acme-industries",
                "sandbox-bank",
                "sandbox",
                UUID.randomUUID(),
                "consent-1",
                CREATED);
    }

    /** A connection in any status, reached through legal moves only. */
    static BankConnection in(ConnectionStatus status) {
        BankConnection active =
                pending().authorized("consent-1", VALID_UNTIL, CREATED).connection();
        return switch (status) {
            case PENDING_CONSENT -> pending();
            case ACTIVE -> active;
            case EXPIRING -> active.consentExpiring(LATER).connection();
            case EXPIRED ->
                active.expire(ExpiryReason.CONSENT_EXPIRED, "ended", LATER).connection();
            case REVOKED -> active.revoke("acme-erp", LATER).connection();
            case FAILED -> pending().fail("access_denied", LATER).connection();
            case ERROR ->
                active.syncFailed("ACCOUNT_NOT_IN_CONSENT", "not in consent", LATER)
                        .connection();
        };
    }

    @Test
    void startsPendingWithItsCreationAsTheFirstHistoryEntry() {
        BankConnection connection = pending();

        StatusChange created = connection.created("acme-erp");

        assertThat(connection.status()).isEqualTo(ConnectionStatus.PENDING_CONSENT);
        assertThat(connection.consentValidUntil()).isNull();
        assertThat(created.from()).isNull();
        assertThat(created.to()).isEqualTo(ConnectionStatus.PENDING_CONSENT);
        assertThat(created.reason()).isEqualTo("created");
        assertThat(created.actor()).isEqualTo("acme-erp");
        assertThat(created.at()).isEqualTo(CREATED);
    }

    @Nested
    class Authorization {

        @Test
        void firstAuthorizationActivatesWithTheConsentsValidity() {
            Transition transition = pending().authorized("consent-1", VALID_UNTIL, LATER);

            BankConnection active = transition.connection();
            assertThat(active.status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(active.consentValidUntil()).isEqualTo(VALID_UNTIL);
            assertThat(active.consentEndsAt()).isEqualTo(Instant.parse("2027-05-21T00:00:00Z"));
            assertThat(active.statusChangedAt()).isEqualTo(LATER);
            assertThat(transition.isReactivation()).isFalse();
            assertThat(transition.change().from()).isEqualTo(ConnectionStatus.PENDING_CONSENT);
            assertThat(transition.change().to()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(transition.change().reason()).isEqualTo("authorized");
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"EXPIRING", "EXPIRED", "ERROR"})
        void reauthorizationReactivatesTheSameConnectionWithTheNewConsent(ConnectionStatus status) {
            BankConnection before = in(status);

            Transition transition = before.authorized("consent-2", LocalDate.parse("2027-06-30"), LATER);

            assertThat(transition.connection().id()).isEqualTo(before.id());
            assertThat(transition.connection().bankAccountId()).isEqualTo(before.bankAccountId());
            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(transition.connection().consentId()).isEqualTo("consent-2");
            assertThat(transition.connection().consentValidUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
            assertThat(transition.isReactivation()).isTrue();
            assertThat(transition.change().reason()).isEqualTo("reauthorized");
            assertThat(transition.change().from()).isEqualTo(status);
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"ACTIVE", "REVOKED", "FAILED"})
        void cannotBeAuthorizedFromOtherStatuses(ConnectionStatus status) {
            BankConnection connection = in(status);

            assertThatThrownBy(() -> connection.authorized("consent-2", VALID_UNTIL, LATER))
                    .isInstanceOf(IllegalStateTransitionException.class)
                    .hasMessageContaining("is " + status)
                    .hasMessageContaining("cannot be authorised");
        }

        @Test
        void failingKeepsAShortReasonAndHappensOnlyOnce() {
            Transition transition = pending().fail("x".repeat(500), LATER);

            BankConnection failed = transition.connection();
            assertThat(failed.status()).isEqualTo(ConnectionStatus.FAILED);
            assertThat(failed.failureReason()).hasSize(200);
            assertThat(transition.change().reason()).isEqualTo("authorization-failed");
            assertThatThrownBy(() -> failed.fail("again", LATER)).isInstanceOf(IllegalStateTransitionException.class);
        }

        @Test
        void onlyFailedConnectionsShowAFailureReason() {
            assertThat(in(ConnectionStatus.ERROR).failureReason()).isNull();
            assertThat(in(ConnectionStatus.ERROR).statusReason()).contains("ACCOUNT_NOT_IN_CONSENT");
        }
    }

    @Nested
    class Expiry {

        @Test
        void activeBecomesExpiringWithTheConsentsEndInItsReason() {
            Transition transition = in(ConnectionStatus.ACTIVE).consentExpiring(LATER);

            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.EXPIRING);
            assertThat(transition.change().reason()).isEqualTo("consent-expiring");
            assertThat(transition.connection().statusReason()).contains("2027-05-21T00:00:00Z");
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"ACTIVE", "EXPIRING", "ERROR"})
        void expiresFromEveryUsableOrErrorStatus(ConnectionStatus status) {
            Transition transition = in(status).expire(ExpiryReason.TOKEN_REFRESH_FAILED, "refresh refused", LATER);

            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.EXPIRED);
            assertThat(transition.change().reason()).isEqualTo("token-refresh-failed");
            assertThat(transition.change().detail()).isEqualTo("refresh refused");
            assertThat(transition.connection().consentValidUntil()).isEqualTo(VALID_UNTIL);
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"PENDING_CONSENT", "EXPIRED", "REVOKED", "FAILED"})
        void cannotExpireFromOtherStatuses(ConnectionStatus status) {
            assertThatThrownBy(() -> in(status).expire(ExpiryReason.CONSENT_EXPIRED, "ended", LATER))
                    .isInstanceOf(IllegalStateTransitionException.class);
        }

        @Test
        void namesEveryExpiryReasonInTheHistory() {
            assertThat(in(ConnectionStatus.ACTIVE)
                            .expire(ExpiryReason.CONSENT_EXPIRED, "x", LATER)
                            .change()
                            .reason())
                    .isEqualTo("consent-expired");
            assertThat(in(ConnectionStatus.ACTIVE)
                            .expire(ExpiryReason.REVOKED_BY_PROVIDER, "x", LATER)
                            .change()
                            .reason())
                    .isEqualTo("revoked-by-provider");
            assertThat(in(ConnectionStatus.ACTIVE)
                            .expire(ExpiryReason.OTHER, "x", LATER)
                            .change()
                            .reason())
                    .isEqualTo("expired");
        }
    }

    @Nested
    class Health {

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"ACTIVE", "EXPIRING"})
        void aSyncFailingForGoodPutsAUsableConnectionInError(ConnectionStatus status) {
            Transition transition = in(status).syncFailed("CONSENT_INVALID", "The consent is invalid.", LATER);

            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.ERROR);
            assertThat(transition.change().detail())
                    .isEqualTo("Sync failed (CONSENT_INVALID): The consent is invalid.");
        }

        @Test
        void aCompletedSyncBringsAnErrorConnectionBackToActive() {
            Transition transition = in(ConnectionStatus.ERROR).syncRecovered(LATER);

            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(transition.change().reason()).isEqualTo("sync-recovered");
        }

        @Test
        void aCompletedSyncBringsAnErrorConnectionBackToExpiringWhenItsConsentEndsSoon() {
            Instant tenDaysBeforeTheEnd = Instant.parse("2027-05-11T00:00:00Z");

            Transition transition = in(ConnectionStatus.ERROR).syncRecovered(tenDaysBeforeTheEnd);

            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.EXPIRING);
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"PENDING_CONSENT", "ACTIVE", "EXPIRING", "EXPIRED", "REVOKED", "FAILED"})
        void onlyAnErrorConnectionRecovers(ConnectionStatus status) {
            assertThatThrownBy(() -> in(status).syncRecovered(LATER))
                    .isInstanceOf(IllegalStateTransitionException.class);
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"PENDING_CONSENT", "EXPIRED", "REVOKED", "FAILED", "ERROR"})
        void syncFailuresDoNotMoveConnectionsThatAreNotUsable(ConnectionStatus status) {
            assertThatThrownBy(() -> in(status).syncFailed("CONSENT_INVALID", "x", LATER))
                    .isInstanceOf(IllegalStateTransitionException.class);
        }
    }

    @Nested
    class Disconnect {

        @ParameterizedTest
        @EnumSource(value = ConnectionStatus.class, names = "REVOKED", mode = EnumSource.Mode.EXCLUDE)
        void anyStatusButRevokedCanBeDisconnectedByWhoAskedFor(ConnectionStatus status) {
            Transition transition = in(status).revoke("acme-erp", LATER);

            assertThat(transition.connection().status()).isEqualTo(ConnectionStatus.REVOKED);
            assertThat(transition.change().actor()).isEqualTo("acme-erp");
            assertThat(transition.change().reason()).isEqualTo("disconnected");
            assertThat(transition.change().from()).isEqualTo(status);
        }

        @Test
        void aRevokedConnectionIsFinalAndSaysWhatToDoInstead() {
            BankConnection revoked = in(ConnectionStatus.REVOKED);

            for (ConnectionStatus next : ConnectionStatus.values()) {
                assertThat(revoked.status().canBecome(next)).as(next.name()).isFalse();
            }
            assertThatThrownBy(() -> revoked.revoke("acme-erp", LATER))
                    .isInstanceOf(IllegalStateTransitionException.class);
            assertThatThrownBy(revoked::requireReauthorizable)
                    .isInstanceOf(IllegalStateTransitionException.class)
                    .hasMessageContaining("cannot be re-authorised")
                    .hasMessageContaining("create a new connection");
        }
    }

    @Nested
    class Reauthorization {

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"EXPIRING", "EXPIRED", "ERROR"})
        void isPossibleWhenTheConnectionNeedsIt(ConnectionStatus status) {
            in(status).requireReauthorizable();
        }

        @ParameterizedTest
        @EnumSource(
                value = ConnectionStatus.class,
                names = {"PENDING_CONSENT", "ACTIVE", "REVOKED", "FAILED"})
        void isRefusedWithTheCurrentStatusAndAHint(ConnectionStatus status) {
            BankConnection connection = in(status);

            assertThatThrownBy(connection::requireReauthorizable)
                    .isInstanceOfSatisfying(IllegalStateTransitionException.class, e -> {
                        assertThat(e.current()).isEqualTo(status);
                        assertThat(e.connectionId()).isEqualTo(connection.id());
                        assertThat(e.action()).isEqualTo("be re-authorised");
                    });
        }
    }
}
