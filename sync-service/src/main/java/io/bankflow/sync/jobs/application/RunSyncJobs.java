package io.bankflow.sync.jobs.application;

import io.bankflow.sync.jobs.application.port.out.AccessTokens;
import io.bankflow.sync.jobs.application.port.out.SyncEvents;
import io.bankflow.sync.jobs.application.port.out.SyncJobs;
import io.bankflow.sync.jobs.application.port.out.SyncTargets;
import io.bankflow.sync.jobs.domain.RetryPolicy;
import io.bankflow.sync.jobs.domain.SyncCounts;
import io.bankflow.sync.jobs.domain.SyncFailure;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.bankflow.sync.jobs.domain.SyncTarget;
import io.bankflow.sync.jobs.domain.SyncWindow;
import io.bankflow.sync.statements.application.StoreStatementLines;
import io.bankflow.sync.statements.application.port.out.AccountInformationProvider;
import io.bankflow.sync.statements.application.port.out.AccountInformationProviders;
import io.bankflow.sync.statements.application.port.out.FetchedTransactions;
import io.bankflow.sync.statements.application.port.out.ProviderAccess;
import io.bankflow.sync.statements.application.port.out.ProviderFailure;
import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.ProviderAccount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued sync jobs, one at a time per call of {@link #runNext()}.
 *
 * <ol>
 *   <li>Claim (own transaction): the job becomes RUNNING under a lease; its first run announces SyncJobStarted.
 *   <li>Fetch (no transaction held): an access token from token-vault-service, the provider's account for the
 *       connection (by IBAN, learned once), every page of transactions in the job's window and the balances (with
 *       the transactions where the provider offers that: one read of the account per job).
 *   <li>Commit (one transaction): new lines stored after deduplication, StatementFetched, the job COMPLETED with its
 *       counts, SyncJobCompleted, the connection's cursor moved. A crash before the commit leaves nothing half done:
 *       the lease lapses and the job runs again.
 * </ol>
 *
 * A failed run whose cause may pass (provider down, 429, expired access token, token-vault unreachable) is queued
 * again with backoff ({@link RetryPolicy}); otherwise, or when the attempts are used up, the job FAILS with a safe
 * reason and SyncJobFailed.
 */
@Service
public class RunSyncJobs {

    /** The longest a run may take before another worker may assume it died. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(RunSyncJobs.class);

    private final SyncJobs jobs;
    private final SyncTargets targets;
    private final AccessTokens accessTokens;
    private final AccountInformationProviders providers;
    private final StoreStatementLines storeLines;
    private final SyncEvents events;
    private final TransactionTemplate transaction;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final MeterRegistry meters;

    RunSyncJobs(
            SyncJobs jobs,
            SyncTargets targets,
            AccessTokens accessTokens,
            AccountInformationProviders providers,
            StoreStatementLines storeLines,
            SyncEvents events,
            TransactionTemplate transaction,
            RetryPolicy retryPolicy,
            Clock clock,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.targets = targets;
        this.accessTokens = accessTokens;
        this.providers = providers;
        this.storeLines = storeLines;
        this.events = events;
        this.transaction = transaction;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("bankflow_sync_jobs_queued", jobs, SyncJobs::countQueued)
                .description("Sync jobs waiting to run, of every organisation")
                .register(meters);
    }

    /**
     * Claims and runs the next due job.
     *
     * @return whether there was one
     */
    public boolean runNext() {
        Optional<Claimed> claimed = Objects.requireNonNull(transaction.execute(status -> claim()));
        if (claimed.isEmpty()) {
            return false;
        }
        SyncJob job = claimed.get().job();
        String previousCorrelation = MDC.get("correlationId");
        MDC.put("correlationId", job.correlationId());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            outcome = run(job, claimed.get().target());
        } finally {
            sample.stop(Timer.builder("bankflow_sync_job_run_duration")
                    .description("Time of one run of a sync job, fetch and commit")
                    .tag("provider", job.provider())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
            if (previousCorrelation == null) {
                MDC.remove("correlationId");
            } else {
                MDC.put("correlationId", previousCorrelation);
            }
        }
        return true;
    }

    private record Claimed(SyncJob job, @Nullable SyncTarget target) {}

    private Optional<Claimed> claim() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jobs.claimNext(now, LEASE).map(job -> {
            SyncTarget target = targets.find(job.orgId(), job.connectionId()).orElse(null);
            if (job.firstAttempt()) {
                events.started(job, window(job, target));
            }
            return new Claimed(job, target);
        });
    }

    /** @return the outcome for metrics: completed, retry or failed */
    private String run(SyncJob job, @Nullable SyncTarget target) {
        if (target == null) {
            return failed(job, new SyncFailure("CONNECTION_UNKNOWN", "sync-service knows no such connection.", false));
        }
        SyncWindow window = window(job, target);
        try {
            AccountInformationProvider provider = providers
                    .forProvider(target.provider())
                    .orElseThrow(() -> new JobFailure(new SyncFailure(
                            "PROVIDER_UNSUPPORTED",
                            "sync-service has no adapter for provider " + target.provider() + ".",
                            false)));
            if (target.providerConsentId() == null) {
                throw new JobFailure(
                        new SyncFailure("CONSENT_UNKNOWN", "The connection names no consent at the provider.", false));
            }
            ProviderAccess access = new ProviderAccess(
                    target.providerConsentId(),
                    accessTokens.accessToken(job.orgId(), job.connectionId()),
                    job.psuIpAddress());
            String resourceId = target.accountResourceId() != null
                    ? target.accountResourceId()
                    : identifyAccount(provider.accounts(access), target);
            FetchedTransactions fetched = provider.transactions(access, resourceId, window.from(), window.to());
            // Balances that came with the transactions cost no second read of the account.
            List<AccountBalance> balances =
                    fetched.balances().isEmpty() ? provider.balances(access, resourceId) : fetched.balances();
            return commit(job, target, resourceId, window, balances, fetched);
        } catch (JobFailure failure) {
            return failed(job, failure.failure);
        } catch (ProviderFailure failure) {
            return retryOrFail(job, fromProvider(failure), failure.retryAfter().orElse(null));
        } catch (AccessTokens.UnavailableException unavailable) {
            return retryOrFail(job, unavailable.failure(), null);
        } catch (SyncJobs.LostLeaseException lost) {
            log.warn("{}; this run's work was rolled back", lost.getMessage());
            return "lost-lease";
        } catch (RuntimeException unexpected) {
            log.error("Sync job {} hit an unexpected error", job.id(), unexpected);
            return retryOrFail(
                    job,
                    new SyncFailure("INTERNAL_ERROR", "sync-service hit an unexpected error; it was logged.", true),
                    null);
        }
    }

    private String commit(
            SyncJob job,
            SyncTarget target,
            String resourceId,
            SyncWindow window,
            List<AccountBalance> balances,
            FetchedTransactions fetched) {
        SyncCounts counts = Objects.requireNonNull(transaction.execute(status -> {
            SyncTarget current = targets.lock(job.orgId(), job.connectionId()).orElse(target);
            StoreStatementLines.Result stored =
                    storeLines.store(job.orgId(), job.accountId(), job.id(), fetched.lines());
            AccountBalance closing = closingBalance(balances);
            // The first sync always publishes, so the account's balance is known even without lines.
            if (!stored.stored().isEmpty() || current.syncedThrough() == null) {
                events.statementFetched(job, stored.stored(), closing);
            }
            SyncCounts done = new SyncCounts(
                    fetched.fetchedCount(),
                    stored.stored().size(),
                    stored.duplicates(),
                    fetched.errors().size());
            SyncJob completed = job.complete(done, now());
            jobs.finish(completed);
            events.completed(completed);
            targets.save(current.withAccountResourceId(resourceId).syncedThrough(window.to()));
            return done;
        }));
        for (String error : fetched.errors()) {
            log.warn("Sync job {} skipped a transaction: {}", job.id(), error);
        }
        log.info(
                "Sync job {} of connection {} completed: {} fetched, {} new, {} duplicates, {} errors ({} pages)",
                job.id(),
                job.connectionId(),
                counts.fetched(),
                counts.newLines(),
                counts.duplicates(),
                counts.errors(),
                fetched.pages());
        lines(job, "new", counts.newLines());
        lines(job, "duplicate", counts.duplicates());
        lines(job, "error", counts.errors());
        finished(job, "completed", null);
        return "completed";
    }

    private String retryOrFail(SyncJob job, SyncFailure failure, @Nullable Duration retryAfter) {
        Optional<Duration> delay = retryPolicy.nextDelay(job.attempts(), failure, retryAfter);
        if (delay.isEmpty()) {
            return failed(job, failure);
        }
        Instant notBefore = now().plus(delay.get());
        transaction.executeWithoutResult(status -> jobs.requeue(job.requeue(failure), notBefore));
        log.warn(
                "Sync job {} run {} failed ({}: {}); runs again from {}",
                job.id(),
                job.attempts(),
                failure.code(),
                failure.message(),
                notBefore);
        return "retry";
    }

    private String failed(SyncJob job, SyncFailure failure) {
        transaction.executeWithoutResult(status -> {
            SyncJob failed = job.fail(failure, job.counts(), now());
            jobs.finish(failed);
            events.failed(failed);
        });
        log.warn(
                "Sync job {} of connection {} failed after {} run(s): {}: {}",
                job.id(),
                job.connectionId(),
                job.attempts(),
                failure.code(),
                failure.message());
        finished(job, "failed", failure.code());
        return "failed";
    }

    private String identifyAccount(List<ProviderAccount> accounts, SyncTarget target) {
        String iban = target.accountIban();
        if (iban != null) {
            String wanted = normaliseIban(iban);
            return accounts.stream()
                    .filter(account -> account.iban() != null
                            && normaliseIban(account.iban()).equals(wanted))
                    .map(ProviderAccount::resourceId)
                    .findFirst()
                    .orElseThrow(() -> new JobFailure(new SyncFailure(
                            "ACCOUNT_NOT_IN_CONSENT",
                            "The consent does not list the connection's account; reconnect to grant access to it.",
                            false)));
        }
        if (accounts.size() == 1) {
            return accounts.getFirst().resourceId();
        }
        throw new JobFailure(new SyncFailure(
                "ACCOUNT_AMBIGUOUS",
                "The consent lists " + accounts.size() + " accounts and the connection names no IBAN to choose by.",
                false));
    }

    private static String normaliseIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** The closing booked balance, the latest when several are reported. */
    private static @Nullable AccountBalance closingBalance(List<AccountBalance> balances) {
        return balances.stream()
                .filter(AccountBalance::isClosingBooked)
                .max(Comparator.comparing(
                        AccountBalance::referenceDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
    }

    private static SyncFailure fromProvider(ProviderFailure failure) {
        String code = switch (failure.kind()) {
            case TOKEN_INVALID -> "TOKEN_INVALID";
            case TOKEN_EXPIRED -> "TOKEN_EXPIRED";
            case CONSENT_INVALID -> "CONSENT_INVALID";
            case CONSENT_EXPIRED -> "CONSENT_EXPIRED";
            case RATE_LIMITED -> "RATE_LIMITED";
            case TRANSIENT -> "PROVIDER_UNAVAILABLE";
            case REJECTED -> "PROVIDER_REJECTED";
            case INVALID_RESPONSE -> "INVALID_RESPONSE";
        };
        // ProviderFailure's message is safe by contract: kind, HTTP status and the provider's error codes only.
        return new SyncFailure(code, failure.getMessage(), failure.retryable());
    }

    private SyncWindow window(SyncJob job, @Nullable SyncTarget target) {
        return SyncWindow.resolve(
                job.requestedFrom(),
                job.requestedTo(),
                target == null ? null : target.syncedThrough(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void lines(SyncJob job, String outcome, int count) {
        if (count > 0) {
            Counter.builder("bankflow_sync_lines")
                    .description("Transactions received by sync jobs, by what deduplication made of them")
                    .tag("provider", job.provider())
                    .tag("outcome", outcome)
                    .register(meters)
                    .increment(count);
        }
    }

    private void finished(SyncJob job, String outcome, @Nullable String failureCode) {
        Counter.builder("bankflow_sync_jobs_finished")
                .description("Sync jobs that completed or failed for good")
                .tag("provider", job.provider())
                .tag("reason", job.reason().name())
                .tag("outcome", outcome)
                .tag("failure", failureCode == null ? "none" : failureCode)
                .register(meters)
                .increment();
    }

    /** A reason to fail the job now, found while running it. */
    private static final class JobFailure extends RuntimeException {
        private final SyncFailure failure;

        JobFailure(SyncFailure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }
    }
}
