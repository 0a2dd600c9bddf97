package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bankflow.sync.statements.application.port.out.FetchedTransactions;
import io.bankflow.sync.statements.application.port.out.ProviderAccess;
import io.bankflow.sync.statements.application.port.out.ProviderFailure;
import io.bankflow.sync.statements.application.port.out.ProviderFailure.Kind;
import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.DedupOutcome;
import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.ProviderAccount;
import io.bankflow.sync.statements.domain.StatementLine;
import io.bankflow.sync.statements.domain.StatementLineIndex;
import io.bankflow.testinfra.TestSandboxBank;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Berlin Group adapter against the real sandbox bank: OAuth consent, every page, its faults and rate limits. */
class BerlinGroupSandboxBankIT {

    private static final LocalDate EVERYTHING = LocalDate.now(ZoneOffset.UTC).minusDays(400);

    private static TestSandboxBank bank;
    private static SandboxBankTpp tpp;

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private BerlinGroupClient client;
    private ProviderAccess access;

    @BeforeAll
    static void startBank() throws Exception {
        bank = TestSandboxBank.builder().enforceFrequency(false).start();
        tpp = new SandboxBankTpp(bank);
    }

    @AfterAll
    static void stopBank() {
        if (bank != null) {
            bank.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        client = new BerlinGroupClient(
                new BerlinGroupProperties(
                        bank.url(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(100),
                        1000),
                Clock.systemUTC(),
                pauses::add); // the bank does not enforce the wait: no need to sleep in a test
        access = tpp.connect();
    }

    @Test
    void fetchesAccountsBalancesAndEveryPageOfTransactions() throws Exception {
        JsonNode overview = tpp.overview().path("accounts");

        List<ProviderAccount> accounts = client.accounts(access);

        assertThat(accounts).hasSize(overview.size());
        int multiPage = 0;
        for (JsonNode expected : overview) {
            String id = expected.path("resourceId").asString();
            assertThat(accounts).extracting(ProviderAccount::resourceId).contains(id);

            List<AccountBalance> balances = client.balances(access, id);
            BigDecimal closingBooked =
                    new BigDecimal(expected.path("closingBooked").asString());
            assertThat(balances)
                    .filteredOn(AccountBalance::isClosingBooked)
                    .singleElement()
                    .satisfies(balance -> assertThat(balance.amount()).isEqualByComparingTo(closingBooked));

            FetchedTransactions fetched = client.transactions(access, id, EVERYTHING, null);

            assertThat(fetched.errors()).isEmpty();
            if (fetched.pages() > 1) {
                multiPage++;
            }
            // The bank's closing booked balance is its opening balance plus every booked entry: all pages were read.
            BigDecimal bookedSum = fetched.lines().stream()
                    .filter(line -> line.status() == LineStatus.BOOKED)
                    .map(StatementLine::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(expected.path("openingBalance").asString()).add(bookedSum))
                    .isEqualByComparingTo(closingBooked);
            List<String> pendingIds = new ArrayList<>();
            expected.path("pendingTransactionIds").forEach(pendingId -> pendingIds.add(pendingId.asString()));
            assertThat(fetched.lines())
                    .filteredOn(line -> line.status() == LineStatus.PENDING)
                    .extracting(StatementLine::providerTransactionId)
                    .containsExactlyInAnyOrderElementsOf(pendingIds);
            // Snapshot paging never repeats a line: deduplication keeps every one.
            assertThat(StatementLineIndex.knowing(fetched.lines()).current()).hasSameSizeAs(fetched.lines());
        }
        assertThat(multiPage).as("accounts with more than one page").isPositive();
    }

    @Test
    void aPendingLineThatBooksIsRecognisedByItsEntryReference() throws Exception {
        String account = client.accounts(access).getFirst().resourceId();
        JsonNode posted = tpp.control(
                "/sandbox/accounts/" + account + "/transactions",
                "{\"amount\": \"4321.09\", \"status\": \"pending\", \"remittanceInformationUnstructured\": \"CUS00099999\"}");
        String pendingId = posted.path("transactionId").asString();
        FetchedTransactions before = client.transactions(access, account, EVERYTHING, null);
        tpp.control("/sandbox/accounts/" + account + "/transactions/" + pendingId + "/book", "");

        FetchedTransactions after = client.transactions(access, account, EVERYTHING, null);
        StatementLineIndex index = StatementLineIndex.knowing(before.lines());
        List<DedupOutcome> outcomes = index.acceptAll(after.lines());

        assertThat(outcomes).filteredOn(DedupOutcome::isNew).singleElement().satisfies(outcome -> {
            assertThat(outcome).isInstanceOf(DedupOutcome.Supersedes.class);
            DedupOutcome.Supersedes supersedes = (DedupOutcome.Supersedes) outcome;
            assertThat(supersedes.pending().providerTransactionId()).isEqualTo(pendingId);
            assertThat(supersedes.line().providerTransactionId()).isNotEqualTo(pendingId);
            assertThat(supersedes.line().entryReference())
                    .isEqualTo(supersedes.pending().entryReference());
            assertThat(supersedes.line().amount()).isEqualByComparingTo("4321.09");
            assertThat(supersedes.line().status()).isEqualTo(LineStatus.BOOKED);
        });
        assertThat(index.current())
                .extracting(StatementLine::providerTransactionId)
                .doesNotContain(pendingId);
    }

    @Test
    void waitsOutAShortRetryAfterOnceAndOtherwiseFailsAsRateLimited() throws Exception {
        tpp.control("/sandbox/rate-limit", "{\"count\": 1, \"retryAfterSeconds\": 1}");
        assertThat(client.accounts(access)).isNotEmpty();
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));

        tpp.control("/sandbox/rate-limit", "{\"count\": 1, \"retryAfterSeconds\": 30}");
        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> client.accounts(access));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(pauses).hasSize(1);
        assertThat(failure.getMessage()).doesNotContain(access.accessToken());
    }

    @Test
    void aServerFaultSurfacesAsTransientAfterOneRetry() throws Exception {
        tpp.control("/sandbox/faults", "{\"status\": 503, \"count\": 2}");

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> client.accounts(access));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.retryable()).isTrue();
        tpp.control("/sandbox/faults", "{\"status\": 502, \"count\": 1}");
        assertThat(client.accounts(access)).isNotEmpty();
    }

    @Test
    void expiredTokensAndConsentsAreTypedFailures() throws Exception {
        ProviderAccess other = tpp.connect();
        ProviderAccess tokenOfAnotherConsent = new ProviderAccess(other.consentId(), access.accessToken());
        ProviderFailure wrongToken =
                catchThrowableOfType(ProviderFailure.class, () -> client.accounts(tokenOfAnotherConsent));
        assertThat(wrongToken.kind()).isEqualTo(Kind.TOKEN_INVALID);
        assertThat(wrongToken.retryable()).isFalse();

        tpp.control("/sandbox/tokens/expire", "{\"consentId\": \"" + access.consentId() + "\"}");
        assertThat(catchThrowableOfType(ProviderFailure.class, () -> client.accounts(access))
                        .kind())
                .isEqualTo(Kind.TOKEN_EXPIRED);

        tpp.control("/sandbox/consents/" + other.consentId() + "/expire", "");
        assertThat(catchThrowableOfType(ProviderFailure.class, () -> client.accounts(other))
                        .kind())
                .isEqualTo(Kind.CONSENT_EXPIRED);
    }
}
