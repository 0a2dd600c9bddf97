package io.bankflow.tokenvault.tokens.application;

import io.bankflow.tokenvault.tokens.RefreshProperties;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.ProviderRefusedException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.ProviderUnavailableException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.UnknownProviderException;
import io.bankflow.tokenvault.tokens.application.port.out.TokenAudit;
import io.bankflow.tokenvault.tokens.application.port.out.TokenEvents;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.ExpiryReason;
import io.bankflow.tokenvault.tokens.domain.ProviderTokens;
import io.bankflow.tokenvault.tokens.domain.RefreshPolicy;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenOperation;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenStatus;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uses a record's refresh token at the provider before (or, on demand, after) its access token expires, and stores the
 * new tokens under a new data key ({@code TokenRefreshed}). When the provider says the refresh token is dead ({@code
 * invalid_grant}), or there is none left that may be used, the record becomes {@code EXPIRED} ({@code TokenExpired},
 * reason {@code REFRESH_FAILED}). Anything transient (unreachable, 5xx, a refusal that is Bankflow's own setup) changes
 * nothing: the next round tries again.
 *
 * <p>One refresh at a time per record, across instances: the record's row is locked ({@code SELECT ... FOR UPDATE})
 * for the whole refresh, provider call included. With rotation a refresh token works once, so two instances using it
 * concurrently would make the provider revoke the grant. Rounds skip records someone else holds ({@code SKIP
 * LOCKED}); an on-demand refresh waits and then uses what the holder stored. The lock costs a database connection for
 * the length of one provider call, bounded by the provider's read timeout.
 */
@Service
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final String CORRELATION_ID = "correlationId";
    private static final String ROUND_ACTOR = "token-refresh";

    private final TokenRecords records;
    private final TokenSealer sealer;
    private final TokenAudit audit;
    private final TokenEvents events;
    private final ProviderTokenEndpoint tokenEndpoint;
    private final RefreshProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefreshTokens(
            TokenRecords records,
            TokenSealer sealer,
            TokenAudit audit,
            TokenEvents events,
            ProviderTokenEndpoint tokenEndpoint,
            RefreshProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.records = records;
        this.sealer = sealer;
        this.audit = audit;
        this.events = events;
        this.tokenEndpoint = tokenEndpoint;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What became of one record. */
    public enum Outcome {
        /** New tokens stored. */
        REFRESHED,
        /** Not (or no longer) due, or held by another refresh: nothing done. */
        SKIPPED,
        /** The tokens can no longer be refreshed: the record is EXPIRED now. */
        EXPIRED,
        /** The provider could not be asked or failed: nothing changed, the next round tries again. */
        RETRY_LATER
    }

    /**
     * What a round did.
     *
     * @param refreshed records with new tokens
     * @param expired records that became EXPIRED
     * @param retryLater records left for the next round after a transient failure
     * @param skipped records not due or held by another instance
     */
    public record RoundResult(int refreshed, int expired, int retryLater, int skipped) {}

    /**
     * The result of an on-demand refresh.
     *
     * @param outcome what happened
     * @param record the record afterwards (refreshed, or refreshed meanwhile by someone else); null when the record is
     *     gone
     */
    public record OnDemand(Outcome outcome, @Nullable TokenRecord record) {}

    /**
     * One refresh round: every active record whose access token is due (see {@link RefreshPolicy}), each in its own
     * transaction; a record another instance is refreshing is skipped.
     *
     * @return what was done
     */
    public RoundResult refreshDue() {
        RefreshPolicy policy = properties.policy();
        Instant now = clock.instant();
        List<UUID> candidates = records.activeExpiringBefore(now.plus(policy.maximumLead()), properties.batchSize());
        int refreshed = 0;
        int expired = 0;
        int retryLater = 0;
        int skipped = 0;
        for (UUID connectionId : candidates) {
            MDC.put(CORRELATION_ID, "token-refresh-" + UUID.randomUUID());
            try {
                Outcome outcome = Objects.requireNonNull(transactions.execute(status -> records.lock(connectionId, true)
                        .filter(record -> policy.due(record, clock.instant()))
                        .map(record -> refreshLocked(record, ROUND_ACTOR, clock.instant()))
                        .orElse(Outcome.SKIPPED)));
                switch (outcome) {
                    case REFRESHED -> refreshed++;
                    case EXPIRED -> expired++;
                    case RETRY_LATER -> retryLater++;
                    case SKIPPED -> skipped++;
                }
            } catch (RuntimeException e) {
                // E.g. a record that does not decrypt (KEK without its key) or a concurrent shred: one record's
                // trouble must not stop the round. The message carries no secret (TokenSealer, ports).
                retryLater++;
                log.warn("Refreshing the tokens of connection {} failed; next round tries again", connectionId, e);
            } finally {
                MDC.remove(CORRELATION_ID);
            }
        }
        if (!candidates.isEmpty()) {
            log.info(
                    "Token refresh round: {} refreshed, {} expired, {} to retry, {} skipped",
                    refreshed,
                    expired,
                    retryLater,
                    skipped);
        }
        return new RoundResult(refreshed, expired, retryLater, skipped);
    }

    /**
     * Refreshes a record whose access token is no longer valid for {@code minimumValidity}, for a caller waiting for
     * it (an access token hand-out). Waits for a refresh another instance is doing, then uses its result.
     *
     * @param binding the organisation and connection
     * @param minimumValidity how long the access token must stay valid
     * @param actor the service client that asks, for the audit
     * @return what happened and the record afterwards
     */
    public OnDemand refreshNow(TokenBinding binding, Duration minimumValidity, String actor) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Optional<TokenRecord> locked = records.lock(binding.connectionId(), false)
                    .filter(record -> record.binding().equals(binding));
            if (locked.isEmpty()) {
                return new OnDemand(Outcome.SKIPPED, null);
            }
            TokenRecord record = locked.get();
            Instant now = clock.instant();
            if (record.status() != TokenStatus.ACTIVE || record.accessTokenValidFor(now, minimumValidity)) {
                return new OnDemand(Outcome.SKIPPED, record); // refreshed meanwhile, or nothing left to refresh
            }
            Outcome outcome = refreshLocked(record, actor, now);
            return new OnDemand(
                    outcome,
                    records.find(binding.orgId(), binding.connectionId()).orElse(record));
        }));
    }

    /** The refresh of a record locked by the current transaction. */
    private Outcome refreshLocked(TokenRecord record, String actor, Instant now) {
        if (!record.canRefresh(now)) {
            boolean refreshTokenDead = record.lifetimes().refreshTokenExpiresAt() != null
                    && !record.lifetimes().refreshTokenExpiresAt().isAfter(now);
            if (refreshTokenDead || record.accessTokenExpired(now)) {
                return expire(record, actor, now, null);
            }
            return Outcome.SKIPPED; // no refresh token: it stays usable until the access token expires
        }
        TokenValue refreshToken = sealer.open(record.requireSealed(), record.binding(), SealedField.REFRESH_TOKEN);
        ProviderTokens tokens;
        try {
            tokens = tokenEndpoint.refresh(record.provider(), refreshToken);
        } catch (ProviderRefusedException e) {
            if (e.invalidGrant()) {
                return expire(record, actor, now, e.errorCode());
            }
            // invalid_client and the like: Bankflow's setup, not the customer's grant; do not expire connections.
            log.warn(
                    "Provider {} refused to refresh the tokens of connection {} ({}); next round tries again",
                    record.provider(),
                    record.binding().connectionId(),
                    e.errorCode());
            return Outcome.RETRY_LATER;
        } catch (ProviderUnavailableException | UnknownProviderException e) {
            log.warn(
                    "Could not refresh the tokens of connection {}: {}; next round tries again",
                    record.binding().connectionId(),
                    e.getMessage());
            return Outcome.RETRY_LATER;
        }
        Instant answeredAt = clock.instant();
        TokenValue newRefreshToken = tokens.refreshToken();
        boolean rotated = newRefreshToken != null && !newRefreshToken.equals(refreshToken);
        TokenSecrets secrets =
                new TokenSecrets(tokens.accessToken(), newRefreshToken != null ? newRefreshToken : refreshToken);
        TokenRecord refreshed = record.replace(
                record.provider(),
                sealer.seal(record.binding(), secrets),
                tokens.lifetimes(answeredAt, record.lifetimes()),
                answeredAt);
        records.save(refreshed);
        audit.record(new TokenAuditEntry(record.binding(), TokenOperation.TOKENS_REFRESHED, actor, answeredAt));
        events.refreshed(refreshed, rotated);
        return Outcome.REFRESHED;
    }

    private Outcome expire(TokenRecord record, String actor, Instant now, @Nullable String providerErrorCode) {
        TokenRecord expired = record.expire(now);
        records.save(expired);
        audit.record(new TokenAuditEntry(record.binding(), TokenOperation.TOKENS_EXPIRED, actor, now));
        events.expired(expired, ExpiryReason.REFRESH_FAILED, providerErrorCode);
        log.info(
                "The tokens of connection {} can no longer be refreshed{}; marked EXPIRED",
                record.binding().connectionId(),
                providerErrorCode == null ? "" : " (" + providerErrorCode + ")");
        return Outcome.EXPIRED;
    }
}
