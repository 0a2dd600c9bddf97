package io.bankflow.sandboxbank.bank.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox customer and its accounts' history, made from a seed: the same seed and end date always give the same
 * accounts, transactions (ids included) and balances. The customer is a small Norwegian trading company with a NOK
 * and a EUR and a GBP account at the bank's Norwegian office (NO IBANs) and a EUR account at its German branch (DE
 * IBAN): salaries, card payments, fees and supplier payments go out; customers pay invoices in, most quoting their
 * customer code ({@code CUS} + 8 digits), some not.
 */
public final class SeedData {

    /** The sandbox customer (PSU) every consent is authorised by. */
    public static final String CUSTOMER_NAME = "Nordlys Handel AS";

    public static final String PSU_ID = "sandbox-user";

    private static final String BIC_NO = "SNDBNOKK";
    private static final String BIC_DE = "SNDBDEFF";

    private record Counterparty(
            String name, String iban, @Nullable String customerCode) {}

    private final Random random;
    private final Ledger ledger;
    private int invoiceNumber = 100;

    private SeedData(long seed) {
        this.random = new Random(seed);
        this.ledger = new Ledger(random);
    }

    /**
     * A ledger with the customer's accounts and {@code days} days of traffic ending at {@code endDate}, plus a few
     * pending entries.
     */
    public static Ledger generate(long seed, LocalDate endDate, int days) {
        return new SeedData(seed).build(endDate, days);
    }

    private Ledger build(LocalDate endDate, int days) {
        Account nok = account(
                "NOK",
                Iban.of("NO", norwegian("1503")),
                BIC_NO,
                "Driftskonto",
                "Bedriftskonto",
                "CACC",
                "250000.00",
                "NOK");
        Account eur = account(
                "EUR",
                Iban.of("NO", norwegian("1503")),
                BIC_NO,
                "Valutakonto EUR",
                "Valutakonto",
                "CACC",
                "40000.00",
                "EUR");
        Account gbp = account(
                "GBP",
                Iban.of("NO", norwegian("1503")),
                BIC_NO,
                "Valutakonto GBP",
                "Valutakonto",
                "CACC",
                "8000.00",
                "GBP");
        Account eurDe = account(
                "EUR",
                Iban.of("DE", "50010517" + digits(10)),
                BIC_DE,
                "Geschäftskonto",
                "Business Account EUR",
                "CACC",
                "15000.00",
                "DEU");
        for (Account account : List.of(nok, eur, gbp, eurDe)) {
            ledger.open(account);
        }

        List<Counterparty> nokCustomers = customers("NO", 8);
        List<Counterparty> eurCustomers = customers("NL", 5);
        List<Counterparty> gbpCustomers = customers("GB", 3);
        List<Counterparty> deCustomers = customers("DE", 3);
        List<Counterparty> employees = List.of(
                new Counterparty("Ola Nordmann", Iban.of("NO", norwegian("1201")), null),
                new Counterparty("Kari Hansen", Iban.of("NO", norwegian("1594")), null),
                new Counterparty("Per Johansen", Iban.of("NO", norwegian("3000")), null));
        List<String> merchants = List.of(
                "REMA 1000 GRUNERLOKKA",
                "CIRCLE K ALNA",
                "CLAS OHLSON OSLO",
                "ELKJOP STORO",
                "VY.NO",
                "NARVESEN OSLO S",
                "SAS.NO",
                "BILTEMA ALNA",
                "POSTEN NORGE",
                "MICROSOFT*365");

        LocalDate start = endDate.minusDays(days - 1L);
        for (LocalDate day = start; !day.isAfter(endDate); day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (!weekday) {
                continue; // the bank books on business days only
            }
            // NOK: card payments, customer payments, payroll, fee.
            int cards = random.nextInt(3);
            for (int i = 0; i < cards; i++) {
                String merchant = merchants.get(random.nextInt(merchants.size()));
                booked(
                        nok,
                        day,
                        money(49, 2500).negate(),
                        merchant,
                        null,
                        "VISA 4921 " + merchant,
                        null,
                        "PMNT-CCRD-POSD");
            }
            if (random.nextInt(100) < 45) {
                incoming(nok, day, nokCustomers, 1500, 60000, "PMNT-RCDT-DMCT");
            }
            if (day.equals(payday(day))) {
                for (Counterparty employee : employees) {
                    booked(
                            nok,
                            day,
                            money(38000, 52000).negate(),
                            employee.name(),
                            employee.iban(),
                            "Lonn " + day.getMonth().toString().toLowerCase(Locale.ROOT) + " " + day.getYear(),
                            endToEnd(),
                            "PMNT-ICDT-SALA");
                }
            }
            if (day.equals(lastBusinessDay(day))) {
                booked(
                        nok,
                        day,
                        new BigDecimal("-99.00"),
                        null,
                        null,
                        "Account fee " + day.getMonth().getValue() + "/" + day.getYear(),
                        null,
                        "PMNT-MDOP-CHRG");
                booked(
                        eur,
                        day,
                        new BigDecimal("-9.50"),
                        null,
                        null,
                        "Account fee " + day.getMonth().getValue() + "/" + day.getYear(),
                        null,
                        "PMNT-MDOP-CHRG");
                booked(
                        gbp,
                        day,
                        new BigDecimal("-7.00"),
                        null,
                        null,
                        "Account fee " + day.getMonth().getValue() + "/" + day.getYear(),
                        null,
                        "PMNT-MDOP-CHRG");
                booked(
                        eurDe,
                        day,
                        new BigDecimal("-12.90"),
                        null,
                        null,
                        "Kontofuehrungsentgelt " + day.getMonth().getValue() + "/" + day.getYear(),
                        null,
                        "PMNT-MDOP-CHRG");
            }
            // EUR (NO): customer payments from the Netherlands, occasional supplier payments.
            if (random.nextInt(100) < 30) {
                incoming(eur, day, eurCustomers, 250, 12000, "PMNT-RCDT-ESCT");
            }
            if (random.nextInt(100) < 8) {
                booked(
                        eur,
                        day,
                        money(400, 6000).negate(),
                        "Van Dijk Logistics BV",
                        Iban.of("NL", "RABO" + digits(10)),
                        "Freight invoice VD-" + digits(5),
                        endToEnd(),
                        "PMNT-ICDT-ESCT");
            }
            // GBP: a few UK customers.
            if (random.nextInt(100) < 12) {
                incoming(gbp, day, gbpCustomers, 150, 4000, "PMNT-RCDT-ESCT");
            }
            // EUR (DE branch): German customers and a monthly rent.
            if (random.nextInt(100) < 15) {
                incoming(eurDe, day, deCustomers, 200, 8000, "PMNT-RCDT-ESCT");
            }
            if (day.getDayOfMonth() <= 3 && day.equals(firstBusinessDay(day))) {
                booked(
                        eurDe,
                        day,
                        new BigDecimal("-1850.00"),
                        "Gewerbepark Nord GmbH",
                        Iban.of("DE", "10010010" + digits(10)),
                        "Miete Lager " + day.getMonth().getValue() + "/" + day.getYear(),
                        endToEnd(),
                        "PMNT-ICDT-ESCT");
            }
        }

        // Pending at the end: two card reservations and an incoming transfer not yet booked.
        pending(
                nok,
                endDate,
                money(120, 900).negate(),
                merchants.get(random.nextInt(merchants.size())),
                null,
                "VISA 4921 reservation",
                null,
                "PMNT-CCRD-POSD");
        pending(
                nok,
                endDate,
                money(120, 900).negate(),
                merchants.get(random.nextInt(merchants.size())),
                null,
                "VISA 4921 reservation",
                null,
                "PMNT-CCRD-POSD");
        Counterparty payer = eurCustomers.get(random.nextInt(eurCustomers.size()));
        pending(
                eur,
                endDate,
                money(300, 5000),
                payer.name(),
                payer.iban(),
                invoiceText(payer),
                endToEnd(),
                "PMNT-RCDT-ESCT");
        return ledger;
    }

    private Account account(
            String currency,
            String iban,
            String bic,
            String name,
            String product,
            String type,
            String opening,
            String prefix) {
        return new Account(
                ledger.newTransactionId(),
                iban,
                bic,
                currency,
                name,
                product,
                type,
                CUSTOMER_NAME,
                new BigDecimal(opening),
                prefix);
    }

    private List<Counterparty> customers(String country, int count) {
        String[] names = switch (country) {
            case "NO" ->
                new String[] {
                    "Fjord Fisk AS",
                    "Bergen Bygg AS",
                    "Trondheim Tekstil AS",
                    "Lofoten Lys AS",
                    "Oslo Kaffe AS",
                    "Stavanger Stal AS",
                    "Tromso Tre AS",
                    "Hamar Handel AS"
                };
            case "NL" ->
                new String[] {
                    "Hollandia Foods BV",
                    "Rotterdam Trading BV",
                    "Utrecht Design BV",
                    "Delft Tools BV",
                    "Amstel Retail BV"
                };
            case "GB" -> new String[] {"Thames Imports Ltd", "Leeds Outdoor Ltd", "Bristol Crafts Ltd"};
            default -> new String[] {"Hamburger Kontor GmbH", "Muenchner Moebel GmbH", "Koelner Kaffee GmbH"};
        };
        java.util.ArrayList<Counterparty> result = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String iban = switch (country) {
                case "NO" -> Iban.of("NO", norwegian(digits(4)));
                case "NL" -> Iban.of("NL", "INGB" + digits(10));
                case "GB" -> Iban.of("GB", "BARC20" + digits(4) + digits(8));
                default -> Iban.of("DE", "37040044" + digits(10));
            };
            result.add(new Counterparty(names[i], iban, "CUS" + digits(8)));
        }
        return List.copyOf(result);
    }

    private void incoming(Account account, LocalDate day, List<Counterparty> customers, int min, int max, String code) {
        Counterparty payer = customers.get(random.nextInt(customers.size()));
        booked(account, day, money(min, max), payer.name(), payer.iban(), invoiceText(payer), endToEnd(), code);
    }

    /** Most payers quote the customer code; about one in six does not (only the invoice, or nothing useful). */
    private String invoiceText(Counterparty payer) {
        int invoice = invoiceNumber++;
        int style = random.nextInt(12);
        if (style == 0) {
            return "Payment";
        }
        if (style == 1) {
            return "Faktura " + invoice;
        }
        if (style == 2) {
            return payer.customerCode() + " invoice " + invoice;
        }
        return "Invoice 2024-" + invoice + " " + payer.customerCode();
    }

    private void booked(
            Account account,
            LocalDate day,
            BigDecimal amount,
            @Nullable String name,
            @Nullable String iban,
            String text,
            @Nullable String endToEndId,
            String code) {
        entry(account, Transaction.Status.BOOKED, day, amount, name, iban, text, endToEndId, code);
    }

    private void pending(
            Account account,
            LocalDate day,
            BigDecimal amount,
            @Nullable String name,
            @Nullable String iban,
            String text,
            @Nullable String endToEndId,
            String code) {
        entry(account, Transaction.Status.PENDING, day, amount, name, iban, text, endToEndId, code);
    }

    private void entry(
            Account account,
            Transaction.Status status,
            LocalDate day,
            BigDecimal amount,
            @Nullable String name,
            @Nullable String iban,
            String text,
            @Nullable String endToEndId,
            String code) {
        boolean outgoing = amount.signum() < 0;
        ledger.add(new Transaction(
                ledger.newTransactionId(),
                ledger.nextEntryReference(account),
                account.resourceId(),
                status,
                status == Transaction.Status.BOOKED ? day : null,
                day,
                amount,
                account.currency(),
                outgoing ? name : null,
                outgoing ? iban : null,
                outgoing ? null : name,
                outgoing ? null : iban,
                text,
                endToEndId,
                code));
    }

    private BigDecimal money(int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100), 2);
    }

    private String digits(int count) {
        StringBuilder builder = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            builder.append(random.nextInt(10));
        }
        return builder.toString();
    }

    /** A Norwegian BBAN at a bank register number, skipping the account numbers that have no check digit. */
    private String norwegian(String bank) {
        while (true) {
            try {
                return Iban.norwegianBban(bank + digits(6));
            } catch (IllegalArgumentException noCheckDigit) {
                // draw again
            }
        }
    }

    private String endToEnd() {
        return "E2E" + digits(12);
    }

    private static LocalDate payday(LocalDate day) {
        LocalDate the25th = day.withDayOfMonth(25);
        while (the25th.getDayOfWeek() == DayOfWeek.SATURDAY || the25th.getDayOfWeek() == DayOfWeek.SUNDAY) {
            the25th = the25th.minusDays(1);
        }
        return the25th;
    }

    private static LocalDate lastBusinessDay(LocalDate day) {
        LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
        while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
            last = last.minusDays(1);
        }
        return last;
    }

    private static LocalDate firstBusinessDay(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        while (first.getDayOfWeek() == DayOfWeek.SATURDAY || first.getDayOfWeek() == DayOfWeek.SUNDAY) {
            first = first.plusDays(1);
        }
        return first;
    }
}
