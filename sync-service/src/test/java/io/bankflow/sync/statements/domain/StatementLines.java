package io.bankflow.sync.statements.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Test data: statement lines with sensible defaults, changed one property at a time. */
final class StatementLines {

    private String accountRef = "acc-1";
    private @Nullable String transactionId = "tx-1";
    private @Nullable String entryReference;
    private LineStatus status = LineStatus.BOOKED;
    private @Nullable LocalDate bookingDate = LocalDate.of(2026, 11, 2);
    private @Nullable LocalDate valueDate = LocalDate.of(2026, 11, 2);
    private BigDecimal amount = new BigDecimal("1250.00");
    private String currency = "NOK";
    private @Nullable String counterpartyName = "Fjord Trading AS";
    private @Nullable String counterpartyAccount = "NO9386011117947";
    private @Nullable String remittance = "Invoice 2024-118 CUS00012345";
    private @Nullable String structured;

    static StatementLines aLine() {
        return new StatementLines();
    }

    StatementLines account(String value) {
        accountRef = value;
        return this;
    }

    StatementLines transactionId(@Nullable String value) {
        transactionId = value;
        return this;
    }

    StatementLines entryReference(@Nullable String value) {
        entryReference = value;
        return this;
    }

    StatementLines pending() {
        status = LineStatus.PENDING;
        bookingDate = null;
        return this;
    }

    StatementLines bookedOn(LocalDate date) {
        status = LineStatus.BOOKED;
        bookingDate = date;
        return this;
    }

    StatementLines amount(String value) {
        amount = new BigDecimal(value);
        return this;
    }

    StatementLines counterparty(@Nullable String name, @Nullable String account) {
        counterpartyName = name;
        counterpartyAccount = account;
        return this;
    }

    StatementLines remittance(@Nullable String value) {
        remittance = value;
        return this;
    }

    StatementLines structured(@Nullable String value) {
        structured = value;
        return this;
    }

    StatementLine build() {
        return new StatementLine(
                accountRef,
                transactionId,
                entryReference,
                status,
                bookingDate,
                valueDate,
                amount,
                currency,
                counterpartyName,
                counterpartyAccount,
                remittance,
                structured,
                null,
                null);
    }
}
