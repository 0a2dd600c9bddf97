package io.bankflow.connection.connections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankConnectionTest {

    static BankConnection pending() {
        return BankConnection.pendingConsent(
                UUID.randomUUID(),
                "acme-industries",
                "sandbox-bank",
                "sandbox",
                UUID.randomUUID(),
                "consent-1",
                Instant.parse("2026-11-21T07:00:00Z"));
    }

    @Test
    void becomesActiveOnlyFromPendingConsent() {
        BankConnection active = pending().activate();

        assertThat(active.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThatThrownBy(active::activate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsAShortReasonWhenItFails() {
        BankConnection failed = pending().fail("x".repeat(500));

        assertThat(failed.status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(failed.failureReason()).hasSize(200);
        assertThatThrownBy(() -> failed.fail("again")).isInstanceOf(IllegalStateException.class);
    }
}
