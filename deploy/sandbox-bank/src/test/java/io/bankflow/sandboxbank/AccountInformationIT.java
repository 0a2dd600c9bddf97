package io.bankflow.sandboxbank;

import static io.bankflow.sandboxbank.BerlinGroupSpec.assertConforms;
import static io.bankflow.sandboxbank.SandboxClient.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sandboxbank.SandboxClient.Connection;
import io.bankflow.sandboxbank.SandboxClient.Reply;
import io.bankflow.sandboxbank.bank.domain.Iban;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SandboxBankTest
class AccountInformationIT {

    private static final String FROM =
            LocalDate.now(ZoneOffset.UTC).minusDays(120).toString();

    @LocalServerPort
    int port;

    SandboxClient bank;

    @BeforeEach
    void client() {
        bank = new SandboxClient(port);
    }

    // ---- consents ---------------------------------------------------------------------------------------------------

    @Test
    void createsAConsentInTheSpecsShapeWithAnScaOAuthLink() {
        Reply created = bank.createConsent(Map.of("allPsd2", "allAccounts"));

        assertConforms("POST", "/v1/consents", created);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-ID")).isNotBlank();
        assertThat(created.header("Location"))
                .isEqualTo("/v1/consents/" + created.json().get("consentId"));
        assertThat(created.json()).containsEntry("consentStatus", "received");
        assertThat(SandboxClient.<String>at(created.json(), "_links", "scaOAuth", "href"))
                .isEqualTo(bank.base + "/.well-known/oauth-authorization-server");
    }

    @Test
    void aConsentGoesFromReceivedToValidToTerminatedByTpp() {
        String consentId = bank.createAllPsd2Consent();
        String path = "/v1/consents/" + consentId;
        assertThat(requestId(path + "/status").json()).containsEntry("consentStatus", "received");

        Connection connection = bank.connect(consentId);
        Reply valid = requestId(path);
        assertConforms("GET", path, valid);
        assertThat(valid.json()).containsEntry("consentStatus", "valid").containsEntry("recurringIndicator", true);
        assertConforms("GET", path + "/status", requestId(path + "/status"));

        Reply deleted = bank.delete(path, "X-Request-ID", UUID.randomUUID().toString());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(requestId(path + "/status").json()).containsEntry("consentStatus", "terminatedByTpp");
        assertThat(bank.ais("/v1/accounts", connection).status()).isEqualTo(401);
    }

    @Test
    void validUntilIsAdjustedToAtMost180Days() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access", Map.of("allPsd2", "allAccounts"));
        body.put("recurringIndicator", true);
        body.put("validUntil", "9999-12-31");
        body.put("frequencyPerDay", 4);
        body.put("combinedServiceIndicator", false);
        Reply created = bank.postJson(
                "/v1/consents", body, "X-Request-ID", UUID.randomUUID().toString());

        Reply consent = requestId("/v1/consents/" + created.json().get("consentId"));
        assertThat(consent.json())
                .containsEntry(
                        "validUntil",
                        LocalDate.now(ZoneOffset.UTC).plusDays(180).toString());
    }

    @Test
    void refusesConsentsTheSpecDoesNotAllow() {
        Reply noCombined = bank.postJson(
                "/v1/consents",
                Map.of(
                        "access",
                        Map.of("allPsd2", "allAccounts"),
                        "recurringIndicator",
                        true,
                        "validUntil",
                        "2099-01-01",
                        "frequencyPerDay",
                        4),
                "X-Request-ID",
                UUID.randomUUID().toString());
        assertThat(noCombined.status()).isEqualTo(400);
        assertThat(SandboxClient.<String>at(noCombined.json(), "tppMessages", "0", "code"))
                .isEqualTo("FORMAT_ERROR");
        assertConforms("POST", "/v1/consents", noCombined);

        Reply noRequestId = bank.postJson("/v1/consents", Map.of());
        assertThat(noRequestId.status()).isEqualTo(400);
    }

    @Test
    void aConsentExpiredAtTheBankAnswersConsentExpired() {
        Connection connection = bank.connect();

        bank.postJson("/sandbox/consents/" + connection.consentId() + "/expire", null);

        Reply read = bank.ais("/v1/accounts", connection);
        assertThat(read.status()).isEqualTo(401);
        assertThat(SandboxClient.<String>at(read.json(), "tppMessages", "0", "code"))
                .isEqualTo("CONSENT_EXPIRED");
        assertConforms("GET", "/v1/accounts", read);
    }

    @Test
    void aTokenOnlyReadsItsOwnConsent() {
        Connection mine = bank.connect();
        Connection other = bank.connect();

        Reply read =
                bank.ais("/v1/accounts", new Connection(other.consentId(), mine.accessToken(), mine.refreshToken()));

        assertThat(read.status()).isEqualTo(401);
        assertThat(SandboxClient.<String>at(read.json(), "tppMessages", "0", "code"))
                .isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aConsentForOneAccountsTransactionsCoversOnlyThat() {
        Connection all = bank.connect();
        String iban = (String) bank.accounts(all).get(1).get("iban");
        String otherId = (String) bank.accounts(all).get(0).get("resourceId");
        Reply created = bank.createConsent(Map.of("transactions", List.of(Map.of("iban", iban))));
        Connection narrow = bank.connect((String) created.json().get("consentId"));

        List<Map<String, Object>> accounts = bank.accounts(narrow);
        assertThat(accounts).extracting(a -> a.get("iban")).containsExactly(iban);
        Reply forbidden =
                bank.ais("/v1/accounts/" + otherId + "/transactions?bookingStatus=booked&dateFrom=" + FROM, narrow);
        assertThat(forbidden.status()).isEqualTo(401);
        assertThat(SandboxClient.<String>at(forbidden.json(), "tppMessages", "0", "code"))
                .isEqualTo("CONSENT_INVALID");
        Reply balances = bank.ais("/v1/accounts/" + accounts.getFirst().get("resourceId") + "/balances", narrow);
        assertThat(balances.status()).isEqualTo(401);
    }

    @Test
    void everyAisCallNeedsAnXRequestIdAndEchoesIt() {
        Connection connection = bank.connect();
        Reply missing = bank.get(
                "/v1/accounts",
                "Consent-ID",
                connection.consentId(),
                "Authorization",
                "Bearer " + connection.accessToken());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(SandboxClient.<String>at(missing.json(), "tppMessages", "0", "code"))
                .isEqualTo("FORMAT_ERROR");

        String requestId = UUID.randomUUID().toString();
        Reply ok = bank.get(
                "/v1/accounts",
                "X-Request-ID",
                requestId,
                "Consent-ID",
                connection.consentId(),
                "Authorization",
                "Bearer " + connection.accessToken(),
                "PSU-IP-Address",
                "192.0.2.1");
        assertThat(ok.header("X-Request-ID")).isEqualTo(requestId);
    }

    @Test
    void withoutATokenTheAnswerIs401WithBearerChallenge() {
        Reply read = bank.get("/v1/accounts", "X-Request-ID", UUID.randomUUID().toString(), "Consent-ID", "x");

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.header("WWW-Authenticate")).startsWith("Bearer");
        assertConforms("GET", "/v1/accounts", read);
    }

    // ---- accounts, balances, transactions
    // ----------------------------------------------------------------------------

    @Test
    void accountsAnswerInTheSpecsShapeWithValidIbans() {
        Connection connection = bank.connect();

        Reply list = bank.ais("/v1/accounts", connection);
        assertConforms("GET", "/v1/accounts", list);
        List<Map<String, Object>> accounts = at(list.json(), "accounts");
        assertThat(accounts).hasSize(4);
        assertThat(accounts).extracting(a -> a.get("currency")).containsExactlyInAnyOrder("NOK", "EUR", "EUR", "GBP");
        for (Map<String, Object> account : accounts) {
            assertThat(account)
                    .containsKeys("resourceId", "iban", "currency", "name", "product", "cashAccountType", "_links");
            assertThat(Iban.isValid((String) account.get("iban"))).isTrue();
            String path = "/v1/accounts/" + account.get("resourceId");
            Reply details = bank.ais(path, connection);
            assertConforms("GET", path, details);
            assertThat(SandboxClient.<String>at(details.json(), "account", "iban"))
                    .isEqualTo(account.get("iban"));
        }
    }

    @Test
    void balancesAreConsistentWithTheBookedTransactions() {
        Connection connection = bank.connect();
        for (Map<String, Object> account : bank.accounts(connection)) {
            String id = (String) account.get("resourceId");
            Reply balances = bank.ais("/v1/accounts/" + id + "/balances", connection);
            assertConforms("GET", "/v1/accounts/" + id + "/balances", balances);
            List<Map<String, Object>> list = at(balances.json(), "balances");
            assertThat(list)
                    .extracting(b -> b.get("balanceType"))
                    .containsExactly("closingBooked", "expected", "interimAvailable");
            assertThat(list).allSatisfy(b -> assertThat(b).containsKey("referenceDate"));

            List<Map<String, Object>> booked = new ArrayList<>();
            List<Map<String, Object>> pending = new ArrayList<>();
            walk(id, "both", connection, booked, pending);
            BigDecimal bookedSum = sum(booked);
            BigDecimal pendingSum = sum(pending);
            Map<String, Object> overview = overviewOf(id);
            BigDecimal opening = new BigDecimal((String) overview.get("openingBalance"));
            assertThat(new BigDecimal(SandboxClient.<String>at(list, "0", "balanceAmount", "amount")))
                    .isEqualByComparingTo(opening.add(bookedSum));
            assertThat(new BigDecimal(SandboxClient.<String>at(list, "1", "balanceAmount", "amount")))
                    .isEqualByComparingTo(opening.add(bookedSum).add(pendingSum));
        }
    }

    @Test
    void transactionsAnswerInTheSpecsShape() {
        Connection connection = bank.connect();
        String id = nokAccount(connection);
        String path = "/v1/accounts/" + id + "/transactions?bookingStatus=both&dateFrom=" + FROM;

        Reply page = bank.ais(path, connection);

        assertConforms("GET", path, page);
        assertThat(SandboxClient.<String>at(page.json(), "account", "iban")).startsWith("NO");
        Map<String, Object> first = at(page.json(), "transactions", "booked", "0");
        assertThat(first)
                .containsKeys(
                        "transactionId",
                        "entryReference",
                        "bookingDate",
                        "valueDate",
                        "transactionAmount",
                        "bankTransactionCode");
        assertThat(SandboxClient.<Object>at(first, "transactionAmount", "amount"))
                .isInstanceOf(String.class);
        List<Map<String, Object>> pending = at(page.json(), "transactions", "pending");
        assertThat(pending).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContainKey("bookingDate"));
        assertThat(SandboxClient.<String>at(page.json(), "transactions", "_links", "account", "href"))
                .isEqualTo("/v1/accounts/" + id);

        String detailsPath = "/v1/accounts/" + id + "/transactions/" + first.get("transactionId");
        Reply details = bank.ais(detailsPath, connection);
        assertConforms("GET", detailsPath, details);
        assertThat(SandboxClient.<String>at(details.json(), "transactionsDetails", "transactionId"))
                .isEqualTo(first.get("transactionId"));
    }

    @Test
    void bookedListingsNeedBookingStatusAndDateFrom() {
        Connection connection = bank.connect();
        String id = nokAccount(connection);

        Reply noStatus = bank.ais("/v1/accounts/" + id + "/transactions?dateFrom=" + FROM, connection);
        assertThat(noStatus.status()).isEqualTo(400);
        Reply noFrom = bank.ais("/v1/accounts/" + id + "/transactions?bookingStatus=booked", connection);
        assertThat(noFrom.status()).isEqualTo(400);
        assertConforms("GET", "/v1/accounts/" + id + "/transactions", noFrom);
        Reply pendingOnly = bank.ais("/v1/accounts/" + id + "/transactions?bookingStatus=pending", connection);
        assertThat(pendingOnly.status()).isEqualTo(200);
        assertThat(SandboxClient.<Map<String, Object>>at(pendingOnly.json(), "transactions"))
                .doesNotContainKey("booked");
    }

    @Test
    void paginationWalksEveryTransactionOnceEvenWhileNewOnesArrive() {
        Connection connection = bank.connect();
        String id = nokAccount(connection);
        Reply all = bank.ais(
                "/v1/accounts/" + id + "/transactions?bookingStatus=booked&itemsPerPage=100&dateFrom=" + FROM,
                connection);
        int firstPageSize =
                SandboxClient.<List<?>>at(all.json(), "transactions", "booked").size();

        List<String> ids = new ArrayList<>();
        String next = "/v1/accounts/" + id + "/transactions?bookingStatus=booked&dateFrom=" + FROM;
        int pages = 0;
        while (next != null) {
            Reply page = bank.ais(next, connection);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertConforms("GET", next, page);
            List<Map<String, Object>> booked = at(page.json(), "transactions", "booked");
            assertThat(booked.size()).isLessThanOrEqualTo(25);
            booked.forEach(t -> ids.add((String) t.get("transactionId")));
            // money keeps arriving while the TPP pages
            bank.postJson(
                    "/sandbox/accounts/" + id + "/transactions",
                    Map.of("amount", "10.00", "remittanceInformationUnstructured", "Invoice 2024-900 CUS00000900"));
            next = at(page.json(), "transactions", "_links", "next", "href");
            pages++;
        }

        assertThat(pages).isGreaterThan(3);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids.size()).isGreaterThanOrEqualTo(firstPageSize);
    }

    @Test
    void aPendingTransactionGetsANewIdWhenItBooksAndKeepsItsEntryReference() {
        Connection connection = bank.connect();
        String id = nokAccount(connection);
        Reply posted = bank.postJson(
                "/sandbox/accounts/" + id + "/transactions",
                Map.of(
                        "status",
                        "pending",
                        "amount",
                        "-42.50",
                        "counterpartyName",
                        "REMA 1000",
                        "remittanceInformationUnstructured",
                        "VISA 4921 REMA 1000"));
        assertThat(posted.status()).isEqualTo(201);
        String pendingId = (String) posted.json().get("transactionId");
        String entryReference = (String) posted.json().get("entryReference");
        List<Map<String, Object>> pending = at(
                bank.ais("/v1/accounts/" + id + "/transactions?bookingStatus=pending", connection)
                        .json(),
                "transactions",
                "pending");
        assertThat(pending).extracting(t -> t.get("transactionId")).contains(pendingId);

        Reply booked = bank.postJson("/sandbox/accounts/" + id + "/transactions/" + pendingId + "/book", null);

        String bookedId = (String) booked.json().get("transactionId");
        assertThat(bookedId).isNotEqualTo(pendingId);
        Reply after = bank.ais(
                "/v1/accounts/" + id + "/transactions?bookingStatus=both&dateFrom=" + LocalDate.now(ZoneOffset.UTC),
                connection);
        List<Map<String, Object>> bookedNow = at(after.json(), "transactions", "booked");
        List<Map<String, Object>> pendingNow = at(after.json(), "transactions", "pending");
        assertThat(pendingNow).extracting(t -> t.get("transactionId")).doesNotContain(pendingId);
        assertThat(bookedNow)
                .filteredOn(t -> bookedId.equals(t.get("transactionId")))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t).containsEntry("entryReference", entryReference);
                    assertThat(t)
                            .containsEntry(
                                    "bookingDate", LocalDate.now(ZoneOffset.UTC).toString());
                });
    }

    @Test
    void unattendedReadsBeyondFrequencyPerDayAnswerAccessExceeded() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access", Map.of("allPsd2", "allAccounts"));
        body.put("recurringIndicator", true);
        body.put("validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        body.put("frequencyPerDay", 2);
        body.put("combinedServiceIndicator", false);
        Reply created = bank.postJson(
                "/v1/consents", body, "X-Request-ID", UUID.randomUUID().toString());
        Connection connection = bank.connect((String) created.json().get("consentId"));
        String path = "/v1/accounts/" + nokAccount(connection) + "/balances";

        assertThat(bank.aisUnattended(path, connection).status()).isEqualTo(200);
        assertThat(bank.aisUnattended(path, connection).status()).isEqualTo(200);
        Reply third = bank.aisUnattended(path, connection);

        assertThat(third.status()).isEqualTo(429);
        assertThat(SandboxClient.<String>at(third.json(), "tppMessages", "0", "code"))
                .isEqualTo("ACCESS_EXCEEDED");
        assertConforms("GET", path, third);
        assertThat(bank.ais(path, connection).status())
                .as("with the PSU present")
                .isEqualTo(200);
    }

    // ---- helpers
    // -----------------------------------------------------------------------------------------------------

    private Reply requestId(String path) {
        return bank.get(path, "X-Request-ID", UUID.randomUUID().toString());
    }

    private String nokAccount(Connection connection) {
        return bank.accounts(connection).stream()
                .filter(a -> "NOK".equals(a.get("currency")))
                .map(a -> (String) a.get("resourceId"))
                .findFirst()
                .orElseThrow();
    }

    private void walk(
            String id,
            String status,
            Connection connection,
            List<Map<String, Object>> booked,
            List<Map<String, Object>> pending) {
        String next = "/v1/accounts/" + id + "/transactions?bookingStatus=" + status
                + "&dateFrom=2000-01-01&itemsPerPage=100";
        Set<String> seen = new HashSet<>();
        while (next != null) {
            Map<String, Object> page = bank.ais(next, connection).json();
            List<Map<String, Object>> b = at(page, "transactions", "booked");
            List<Map<String, Object>> p = at(page, "transactions", "pending");
            b.stream().filter(t -> seen.add((String) t.get("transactionId"))).forEach(booked::add);
            p.stream().filter(t -> seen.add((String) t.get("transactionId"))).forEach(pending::add);
            next = at(page, "transactions", "_links", "next", "href");
        }
    }

    private static BigDecimal sum(List<Map<String, Object>> transactions) {
        return transactions.stream()
                .map(t -> new BigDecimal(SandboxClient.<String>at(t, "transactionAmount", "amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Map<String, Object> overviewOf(String id) {
        List<Map<String, Object>> accounts = at(bank.get("/sandbox").json(), "accounts");
        return accounts.stream()
                .filter(a -> id.equals(a.get("resourceId")))
                .findFirst()
                .orElseThrow();
    }
}
