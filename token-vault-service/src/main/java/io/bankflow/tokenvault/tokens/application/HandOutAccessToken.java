package io.bankflow.tokenvault.tokens.application;

import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.NotFoundException;
import io.bankflow.tokenvault.tokens.AccessTokenProperties;
import io.bankflow.tokenvault.tokens.application.port.out.TokenAudit;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.AccessGrant;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenOperation;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decrypts a connection's access token for one call to the provider (sync-service) and records that it did. An access
 * token that has expired (or is about to) is refreshed first when the record has a usable refresh token ({@link
 * RefreshTokens}); only when that is impossible does the caller get 409 {@value #TOKEN_EXPIRED}. The refresh token is
 * never handed out.
 */
@Service
public class HandOutAccessToken {

    /** Problem type of an access token that has expired (or is about to) and cannot be refreshed. */
    public static final String TOKEN_EXPIRED = "token-expired";

    private final TokenRecords records;
    private final TokenSealer sealer;
    private final TokenAudit audit;
    private final RefreshTokens refreshTokens;
    private final AccessTokenProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HandOutAccessToken(
            TokenRecords records,
            TokenSealer sealer,
            TokenAudit audit,
            RefreshTokens refreshTokens,
            AccessTokenProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.records = records;
        this.sealer = sealer;
        this.audit = audit;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @param binding the organisation and connection
     * @param actor the service client that asks, for the audit
     * @return the access token and its expiry
     * @throws NotFoundException when the organisation has no tokens for the connection (404)
     * @throws TokensShreddedException when they were shredded (410)
     * @throws ConflictException {@value #TOKEN_EXPIRED} when the access token expired or is about to and cannot be
     *     refreshed (409)
     * @throws io.bankflow.httpapi.ApiException 502 {@value ProviderProblems#PROVIDER_UNAVAILABLE} when a needed refresh
     *     failed for a reason that may pass
     */
    public AccessGrant handOut(TokenBinding binding, String actor) {
        TokenRecord record = current(binding);
        Duration minimumValidity = properties.minimumValidity();
        if (!record.accessTokenValidFor(clock.instant(), minimumValidity) && record.canRefresh(clock.instant())) {
            RefreshTokens.OnDemand refresh = refreshTokens.refreshNow(binding, minimumValidity, actor);
            if (refresh.outcome() == RefreshTokens.Outcome.RETRY_LATER) {
                throw ProviderProblems.unavailable(record.provider(), null);
            }
        }
        return Objects.requireNonNull(transactions.execute(status -> {
            TokenRecord latest = current(binding);
            Instant now = clock.instant();
            if (!latest.accessTokenValidFor(now, minimumValidity)) {
                throw new ConflictException(
                        TOKEN_EXPIRED,
                        "Access token expired",
                        "The access token of connection " + binding.connectionId()
                                + " has expired or expires too soon to be used, and it cannot be refreshed.");
            }
            AccessGrant grant = new AccessGrant(
                    sealer.open(latest.requireSealed(), latest.binding(), SealedField.ACCESS_TOKEN),
                    latest.lifetimes().accessTokenExpiresAt());
            audit.record(new TokenAuditEntry(binding, TokenOperation.ACCESS_TOKEN_HANDED_OUT, actor, now));
            return grant;
        }));
    }

    private TokenRecord current(TokenBinding binding) {
        TokenRecord record = records.find(binding.orgId(), binding.connectionId())
                .orElseThrow(() -> NotFoundException.of("Connection", binding.connectionId()));
        if (record.isShredded()) {
            throw new TokensShreddedException(binding.connectionId());
        }
        return record;
    }
}
