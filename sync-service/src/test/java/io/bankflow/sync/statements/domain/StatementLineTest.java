package io.bankflow.sync.statements.domain;

import static io.bankflow.sync.statements.domain.StatementLines.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatementLineTest {

    @Test
    void keepsTheAmountExactWithItsSign() {
        StatementLine debit = aLine().amount("-256.67").build();

        assertThat(debit.amount()).isEqualByComparingTo(new BigDecimal("-256.67"));
        assertThat(debit.isCredit()).isFalse();
        assertThat(aLine().amount("0.10").build().isCredit()).isTrue();
    }

    @Test
    void normalisesTextsAndDropsNotProvidedEndToEndIds() {
        StatementLine line = new StatementLine(
                " acc-1 ",
                "  ",
                null,
                LineStatus.BOOKED,
                LocalDate.of(2026, 1, 2),
                null,
                BigDecimal.ONE,
                "nok",
                "  Fjord   Trading\tAS ",
                "",
                "Invoice\n 131",
                null,
                "NOTPROVIDED",
                null);

        assertThat(line.accountRef()).isEqualTo("acc-1");
        assertThat(line.providerTransactionId()).isNull();
        assertThat(line.currency()).isEqualTo("NOK");
        assertThat(line.counterpartyName()).isEqualTo("Fjord Trading AS");
        assertThat(line.counterpartyAccount()).isNull();
        assertThat(line.remittanceUnstructured()).isEqualTo("Invoice 131");
        assertThat(line.endToEndId()).isNull();
    }

    @Test
    void rejectsABookedLineWithoutBookingDateAndAnInvalidCurrency() {
        assertThatThrownBy(() -> new StatementLine(
                        "acc",
                        "tx",
                        null,
                        LineStatus.BOOKED,
                        null,
                        null,
                        BigDecimal.ONE,
                        "NOK",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("booking date");
        assertThatThrownBy(() -> new StatementLine(
                        "acc",
                        "tx",
                        null,
                        LineStatus.PENDING,
                        null,
                        null,
                        BigDecimal.ONE,
                        "KR",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void pendingLinesAreFiledUnderTheirValueDate() {
        StatementLine pending = aLine().pending().build();

        assertThat(pending.bookingDate()).isNull();
        assertThat(pending.effectiveDate()).isEqualTo(pending.valueDate());
    }

    @Test
    void dedupKeyIgnoresScaleCaseAndSpacingButNotMoneyOrReference() {
        DedupKey key = aLine().transactionId(null).build().dedupKey();

        assertThat(aLine().transactionId(null).amount("1250.0").build().dedupKey())
                .isEqualTo(key);
        assertThat(aLine().transactionId(null)
                        .counterparty("FJORD  trading as", "NO93 8601 1117 947")
                        .remittance("invoice 2024-118  cus00012345")
                        .build()
                        .dedupKey())
                .isEqualTo(key);
        assertThat(aLine().transactionId(null).amount("1250.01").build().dedupKey())
                .isNotEqualTo(key);
        assertThat(aLine().transactionId(null).entryReference("E1").build().dedupKey())
                .isNotEqualTo(key);
        assertThat(aLine().transactionId(null).account("acc-2").build().dedupKey())
                .isNotEqualTo(key);
        assertThat(key.value()).hasSize(64);
    }

    @Test
    void identityIsTheProviderIdWhenThereIsOne() {
        assertThat(aLine().transactionId("tx-9").build().identity()).isEqualTo("id:tx-9");
        assertThat(aLine().transactionId(null).build().identity()).startsWith("key:");
    }
}
