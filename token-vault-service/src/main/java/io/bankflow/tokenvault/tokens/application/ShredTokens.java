package io.bankflow.tokenvault.tokens.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.tokenvault.tokens.application.port.out.TokenAudit;
import io.bankflow.tokenvault.tokens.application.port.out.TokenEvents;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenOperation;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crypto-shreds a connection's tokens: the wrapped data key and the ciphertexts are deleted, so nothing stored can be
 * decrypted again; the record stays as a tombstone ({@code REVOKED}). Publishes {@code TokenRevoked}. Revocation at the
 * provider (RFC 7009) comes with the provider adapters.
 */
@Service
public class ShredTokens {

    private static final Logger log = LoggerFactory.getLogger(ShredTokens.class);

    private final TokenRecords records;
    private final TokenAudit audit;
    private final TokenEvents events;
    private final Clock clock;

    ShredTokens(TokenRecords records, TokenAudit audit, TokenEvents events, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Shreds on request (internal API). Shredding tokens already shredded changes nothing.
     *
     * @param binding the organisation and connection
     * @param actor the service client that asks
     * @throws NotFoundException when the organisation has no tokens for the connection (404)
     */
    @Transactional
    public void shred(TokenBinding binding, String actor) {
        TokenRecord record = records.find(binding.orgId(), binding.connectionId())
                .orElseThrow(() -> NotFoundException.of("Connection", binding.connectionId()));
        shred(record, actor);
    }

    /**
     * Shreds because the connection was revoked ({@code ConnectionRevoked}). A connection without tokens (revoked
     * before its consent completed) is nothing to do.
     *
     * @param binding the organisation and connection of the event
     * @param actor the event, for the audit
     */
    @Transactional
    public void connectionRevoked(TokenBinding binding, String actor) {
        Optional<TokenRecord> record = records.find(binding.orgId(), binding.connectionId());
        if (record.isEmpty()) {
            log.info("Connection {} was revoked without tokens in the vault; nothing to shred", binding.connectionId());
            return;
        }
        shred(record.get(), actor);
    }

    private void shred(TokenRecord record, String actor) {
        if (record.isShredded()) {
            return;
        }
        TokenRecord shredded = record.shred(clock.instant());
        records.save(shredded);
        audit.record(
                new TokenAuditEntry(shredded.binding(), TokenOperation.TOKENS_SHREDDED, actor, shredded.updatedAt()));
        events.revoked(shredded);
    }
}
