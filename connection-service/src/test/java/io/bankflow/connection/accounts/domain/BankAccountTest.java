package io.bankflow.connection.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankAccountTest {

    static BankAccount registered(boolean isDefault, String name) {
        return BankAccount.register(
                UUID.randomUUID(),
                "acme-industries",
                new GlCode("1920"),
                Currency.getInstance("NOK"),
                Iban.parse("NO9386011117947"),
                name,
                isDefault,
                Instant.parse("2026-11-21T07:00:00Z"));
    }

    @Test
    void isCalledByItsMaskedIbanWhenNotNamed() {
        assertThat(registered(false, " ").name()).isEqualTo("NO93 **** **** 7947");
        assertThat(registered(false, " Driftskonto ").name()).isEqualTo("Driftskonto");
    }

    @Test
    void stopsBeingTheDefaultWhenDeactivatedAndDoesNotBecomeItAgainWhenActivated() {
        BankAccount deactivated = registered(true, "Driftskonto").deactivate();

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.isDefault()).isFalse();
        assertThat(deactivated.activate().active()).isTrue();
        assertThat(deactivated.activate().isDefault()).isFalse();
    }
}
