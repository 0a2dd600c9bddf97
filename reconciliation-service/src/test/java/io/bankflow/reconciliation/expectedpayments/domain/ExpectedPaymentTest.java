package io.bankflow.reconciliation.expectedpayments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpectedPaymentTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456789Z");

    @Test
    void startsActiveWithItsCreationTimeInMicroseconds() {
        ExpectedPayment payment = create();

        assertThat(payment.active()).isTrue();
        assertThat(payment.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123456Z"));
    }

    @Test
    void deactivatingTwiceKeepsTheFirstMoment() {
        ExpectedPayment deactivated = create().deactivate(NOW.plusSeconds(1));

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.deactivate(NOW.plusSeconds(60)).deactivatedAt()).isEqualTo(deactivated.deactivatedAt());
    }

    @Test
    void refusesANonPositiveExpectedAmount() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExpectedPayment.create(
                        UUID.randomUUID(),
                        "acme",
                        new CustomerCode("CUS00012345"),
                        null,
                        new Money(BigDecimal.ZERO, "EUR"),
                        null,
                        NOW));
    }

    @Test
    void customerCodesAreCusAndEightDigitsExactly() {
        assertThat(CustomerCode.parse("CUS00012345")).isPresent();
        assertThat(CustomerCode.parse("cus00012345")).isEmpty();
        assertThat(CustomerCode.parse("CUS0001234")).isEmpty();
        assertThat(CustomerCode.parse("CUS000123456")).isEmpty();
    }

    private static ExpectedPayment create() {
        return ExpectedPayment.create(
                UUID.randomUUID(),
                "acme",
                new CustomerCode("CUS00012345"),
                "Acme customer",
                new Money(new BigDecimal("125.50"), "EUR"),
                "INV-1",
                NOW);
    }
}
