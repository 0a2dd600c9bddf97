package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Statement lines for tests: a booked EUR credit unless said otherwise. */
final class Lines {

    private Lines() {}

    static StatementLine credit(String amount, @Nullable String remittance) {
        return line(LineStatus.BOOKED, amount, remittance, null);
    }

    static StatementLine line(
            LineStatus status, String amount, @Nullable String remittance, @Nullable String structuredReference) {
        return new StatementLine(
                UUID.randomUUID(),
                status,
                status == LineStatus.BOOKED ? LocalDate.of(2026, 11, 20) : null,
                new Money(new BigDecimal(amount), "EUR"),
                "Payer Ltd",
                "NO9386011117947",
                remittance,
                structuredReference);
    }
}
