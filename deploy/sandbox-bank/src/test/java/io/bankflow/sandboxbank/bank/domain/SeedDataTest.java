package io.bankflow.sandboxbank.bank.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SeedDataTest {

    private static final LocalDate END = LocalDate.of(2026, 3, 31);
    private static final Pattern CUSTOMER_CODE = Pattern.compile("CUS\\d{8}");

    @Test
    void theSameSeedGivesTheSameAccountsAndTransactions() {
        Ledger first = SeedData.generate(42, END, 100);
        Ledger second = SeedData.generate(42, END, 100);

        assertThat(second.accounts()).isEqualTo(first.accounts());
        for (Account account : first.accounts()) {
            assertThat(second.transactions(account.resourceId())).isEqualTo(first.transactions(account.resourceId()));
        }
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(SeedData.generate(43, END, 100).accounts())
                .isNotEqualTo(SeedData.generate(42, END, 100).accounts());
    }

    @Test
    void theCustomerHasEurNokAndGbpAccountsWithValidIbans() {
        List<Account> accounts = SeedData.generate(42, END, 100).accounts();

        assertThat(accounts).extracting(Account::currency).containsExactlyInAnyOrder("NOK", "EUR", "GBP", "EUR");
        assertThat(accounts)
                .allSatisfy(account -> assertThat(Iban.isValid(account.iban())).isTrue());
        assertThat(accounts)
                .filteredOn(account -> account.iban().startsWith("NO"))
                .hasSize(3)
                .allSatisfy(account -> assertThat(
                                Iban.isValidNorwegianBban(account.iban().substring(4)))
                        .isTrue());
        assertThat(accounts)
                .filteredOn(a -> a.currency().equals("EUR"))
                .extracting(a -> a.iban().substring(0, 2))
                .containsExactlyInAnyOrder("NO", "DE");
    }

    @Test
    void counterpartyIbansAreValid() {
        Ledger ledger = SeedData.generate(42, END, 100);
        ledger.accounts()
                .forEach(account -> ledger.transactions(account.resourceId()).forEach(transaction -> {
                    if (transaction.creditorIban() != null) {
                        assertThat(Iban.isValid(transaction.creditorIban()))
                                .as(transaction.creditorIban())
                                .isTrue();
                    }
                    if (transaction.debtorIban() != null) {
                        assertThat(Iban.isValid(transaction.debtorIban()))
                                .as(transaction.debtorIban())
                                .isTrue();
                    }
                }));
    }

    @Test
    void coversNinetyDaysAndMoreOfOrdinaryTraffic() {
        Ledger ledger = SeedData.generate(42, END, 100);
        String nok = ledger.accounts().getFirst().resourceId();
        List<Transaction> booked =
                ledger.transactions(nok).stream().filter(Transaction::isBooked).toList();

        LocalDate first = booked.stream()
                .map(Transaction::bookingDate)
                .min(LocalDate::compareTo)
                .orElseThrow();
        assertThat(first).isBeforeOrEqualTo(END.minusDays(90));
        assertThat(booked)
                .extracting(Transaction::bankTransactionCode)
                .contains("PMNT-ICDT-SALA", "PMNT-CCRD-POSD", "PMNT-MDOP-CHRG", "PMNT-RCDT-DMCT");
    }

    @Test
    void depositsMostlyCarryACustomerCodeAndSomeDoNot() {
        Ledger ledger = SeedData.generate(42, END, 100);
        List<Transaction> deposits = ledger.accounts().stream()
                .flatMap(account -> ledger.transactions(account.resourceId()).stream())
                .filter(transaction -> transaction.amount().signum() > 0)
                .toList();

        long withCode = deposits.stream()
                .filter(t -> t.remittanceInformationUnstructured() != null
                        && CUSTOMER_CODE
                                .matcher(t.remittanceInformationUnstructured())
                                .find())
                .count();
        assertThat(withCode).isGreaterThan(deposits.size() / 2);
        assertThat(withCode).isLessThan(deposits.size());
        assertThat(deposits)
                .anySatisfy(
                        t -> assertThat(t.remittanceInformationUnstructured()).matches("Invoice 2024-\\d+ CUS\\d{8}"));
    }

    @Test
    void closingBalanceIsOpeningPlusBookedAndExpectedAddsPending() {
        Ledger ledger = SeedData.generate(42, END, 100);
        for (Account account : ledger.accounts()) {
            List<Transaction> transactions = ledger.transactions(account.resourceId());
            BigDecimal booked = transactions.stream()
                    .filter(Transaction::isBooked)
                    .map(Transaction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pending = transactions.stream()
                    .filter(t -> !t.isBooked())
                    .map(Transaction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);

            Balances balances = ledger.balances(account.resourceId());
            assertThat(balances.closingBooked())
                    .isEqualByComparingTo(account.openingBalance().add(booked));
            assertThat(balances.expected())
                    .isEqualByComparingTo(balances.closingBooked().add(pending));
        }
    }

    @Test
    void seedsPendingEntriesWithoutBookingDate() {
        Ledger ledger = SeedData.generate(42, END, 100);
        List<Transaction> pending = ledger.accounts().stream()
                .flatMap(account -> ledger.transactions(account.resourceId()).stream())
                .filter(t -> !t.isBooked())
                .toList();

        assertThat(pending)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(t -> assertThat(t.bookingDate()).isNull());
    }
}
