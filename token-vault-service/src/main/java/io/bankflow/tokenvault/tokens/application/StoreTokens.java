package io.bankflow.tokenvault.tokens.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.tokenvault.tokens.application.port.out.TokenAudit;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenAuditEntry;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenLifetimes;
import io.bankflow.tokenvault.tokens.domain.TokenOperation;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a connection's tokens, or replaces the ones it had, encrypted under a new data key. Used by connection-service
 * after a consent, and by the code exchange.
 */
@Service
public class StoreTokens {

    private final TokenRecords records;
    private final TokenSealer sealer;
    private final TokenAudit audit;
    private final Clock clock;

    StoreTokens(TokenRecords records, TokenSealer sealer, TokenAudit audit, Clock clock) {
        this.records = records;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What to store.
     *
     * @param binding the organisation and connection
     * @param provider the provider that issued the tokens
     * @param secrets the tokens
     * @param lifetimes their lifetimes and scope
     */
    public record Command(TokenBinding binding, String provider, TokenSecrets secrets, TokenLifetimes lifetimes) {}

    /**
     * @param command what to store
     * @param actor the service client that asked, for the audit
     * @throws NotFoundException when the connection's tokens are stored under another organisation (404, ADR 0002)
     */
    @Transactional
    public void store(Command command, String actor) {
        store(command, actor, TokenOperation.TOKENS_STORED);
    }

    /**
     * @param command what to store
     * @param actor the service client that asked, for the audit
     * @param operation what is audited: tokens handed over, or obtained by a code exchange
     * @throws NotFoundException when the connection's tokens are stored under another organisation (404, ADR 0002)
     */
    @Transactional
    public void store(Command command, String actor, TokenOperation operation) {
        TokenBinding binding = command.binding();
        Optional<TokenRecord> existing = records.findByConnection(binding.connectionId());
        if (existing.isPresent() && !existing.get().binding().orgId().equals(binding.orgId())) {
            throw NotFoundException.of("Connection", binding.connectionId());
        }
        SealedTokens sealed = sealer.seal(binding, command.secrets());
        var now = clock.instant();
        TokenRecord record = existing.map(
                        stored -> stored.replace(command.provider(), sealed, command.lifetimes(), now))
                .orElseGet(() -> TokenRecord.create(
                        UUID.randomUUID(), binding, command.provider(), sealed, command.lifetimes(), now));
        records.save(record);
        audit.record(new TokenAuditEntry(binding, operation, actor, now));
    }
}
