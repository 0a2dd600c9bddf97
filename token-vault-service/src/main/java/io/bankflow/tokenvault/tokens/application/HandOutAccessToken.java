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
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decrypts a connection's access token for one call to the provider (sync-service) and records that it did. The
 * refresh token is never decrypted here.
 */
@Service
public class HandOutAccessToken {

    /** Problem type of an access token that has expired (or is about to). */
    public static final String TOKEN_EXPIRED = "token-expired";

    private final TokenRecords records;
    private final TokenSealer sealer;
    private final TokenAudit audit;
    private final AccessTokenProperties properties;
    private final Clock clock;

    HandOutAccessToken(
            TokenRecords records, TokenSealer sealer, TokenAudit audit, AccessTokenProperties properties, Clock clock) {
        this.records = records;
        this.sealer = sealer;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param binding the organisation and connection
     * @param actor the service client that asks, for the audit
     * @return the access token and its expiry
     * @throws NotFoundException when the organisation has no tokens for the connection (404)
     * @throws TokensShreddedException when they were shredded (410)
     * @throws ConflictException {@value #TOKEN_EXPIRED} when the access token expired or is about to (409)
     */
    @Transactional
    public AccessGrant handOut(TokenBinding binding, String actor) {
        TokenRecord record = records.find(binding.orgId(), binding.connectionId())
                .orElseThrow(() -> NotFoundException.of("Connection", binding.connectionId()));
        if (record.isShredded()) {
            throw new TokensShreddedException(binding.connectionId());
        }
        Instant now = clock.instant();
        if (!record.accessTokenValidFor(now, properties.minimumValidity())) {
            throw new ConflictException(
                    TOKEN_EXPIRED,
                    "Access token expired",
                    "The access token of connection " + binding.connectionId()
                            + " has expired or expires too soon to be used.");
        }
        AccessGrant grant = new AccessGrant(
                sealer.open(record.requireSealed(), record.binding(), SealedField.ACCESS_TOKEN),
                record.lifetimes().accessTokenExpiresAt());
        audit.record(new TokenAuditEntry(binding, TokenOperation.ACCESS_TOKEN_HANDED_OUT, actor, now));
        return grant;
    }
}
