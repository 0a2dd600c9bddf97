package io.bankflow.connection.connections.domain;

import static io.bankflow.connection.connections.domain.ConnectionStatus.ACTIVE;
import static io.bankflow.connection.connections.domain.ConnectionStatus.ERROR;
import static io.bankflow.connection.connections.domain.ConnectionStatus.EXPIRED;
import static io.bankflow.connection.connections.domain.ConnectionStatus.EXPIRING;
import static io.bankflow.connection.connections.domain.ConnectionStatus.FAILED;
import static io.bankflow.connection.connections.domain.ConnectionStatus.PENDING_CONSENT;
import static io.bankflow.connection.connections.domain.ConnectionStatus.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionStatusTest {

    /** The lifecycle as docs/services/connection-service.md draws it. */
    static final Map<ConnectionStatus, Set<ConnectionStatus>> LIFECYCLE = Map.of(
            PENDING_CONSENT, EnumSet.of(ACTIVE, FAILED, REVOKED),
            ACTIVE, EnumSet.of(EXPIRING, EXPIRED, ERROR, REVOKED),
            EXPIRING, EnumSet.of(ACTIVE, EXPIRED, ERROR, REVOKED),
            EXPIRED, EnumSet.of(ACTIVE, REVOKED),
            ERROR, EnumSet.of(ACTIVE, EXPIRING, EXPIRED, REVOKED),
            FAILED, EnumSet.of(REVOKED),
            REVOKED, EnumSet.noneOf(ConnectionStatus.class));

    @Test
    void allowsExactlyTheDocumentedMoves() {
        for (ConnectionStatus from : ConnectionStatus.values()) {
            for (ConnectionStatus to : ConnectionStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " -> " + to)
                        .isEqualTo(LIFECYCLE.get(from).contains(to));
            }
        }
    }

    @Test
    void neverStaysInPlace() {
        for (ConnectionStatus status : ConnectionStatus.values()) {
            assertThat(status.canBecome(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void everyStatusButRevokedCanBeDisconnected() {
        for (ConnectionStatus status : ConnectionStatus.values()) {
            assertThat(status.canBecome(REVOKED)).as(status.name()).isEqualTo(status != REVOKED);
        }
    }

    @Test
    void onlyExpiringExpiredAndErrorNeedReauthorization() {
        assertThat(EnumSet.allOf(ConnectionStatus.class).stream().filter(ConnectionStatus::needsReauthorization))
                .containsExactlyInAnyOrder(EXPIRING, EXPIRED, ERROR);
        assertThat(EnumSet.allOf(ConnectionStatus.class).stream().filter(ConnectionStatus::isUsable))
                .containsExactlyInAnyOrder(ACTIVE, EXPIRING);
    }
}
