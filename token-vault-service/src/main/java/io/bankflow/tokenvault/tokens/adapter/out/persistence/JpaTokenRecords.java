package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenLifetimes;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import io.bankflow.tokenvault.tokens.domain.TokenStatus;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

/** {@link TokenRecords} on {@code token_record} through Spring Data JPA. */
@Repository
class JpaTokenRecords implements TokenRecords {

    private final TokenRecordJpaRepository repository;

    JpaTokenRecords(TokenRecordJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<TokenRecord> findByConnection(UUID connectionId) {
        return repository.findByConnectionId(connectionId).map(JpaTokenRecords::toDomain);
    }

    @Override
    public Optional<TokenRecord> find(String orgId, UUID connectionId) {
        return repository.findByOrgIdAndConnectionId(orgId, connectionId).map(JpaTokenRecords::toDomain);
    }

    @Override
    public List<UUID> activeExpiringBefore(Instant accessTokenExpiresBefore, int limit) {
        return repository.findActiveConnectionsExpiringBefore(accessTokenExpiresBefore, limit);
    }

    @Override
    public Optional<TokenRecord> lock(UUID connectionId, boolean skipLocked) {
        Optional<TokenRecordEntity> locked = skipLocked
                ? repository.lockByConnectionIdSkipLocked(connectionId)
                : repository.lockByConnectionId(connectionId);
        // Callers lock first in their transaction, so the entity is read with the lock, never stale from the cache.
        return locked.map(JpaTokenRecords::toDomain);
    }

    @Override
    public void save(TokenRecord record) {
        TokenRecordEntity entity = repository.findById(record.id()).orElse(null);
        if (entity == null) {
            entity = new TokenRecordEntity(
                    record.id(), record.binding().orgId(), record.binding().connectionId(), record.createdAt());
        } else if (entity.version() != record.version()) {
            // Someone changed the row since this record was read (a refresh against a revocation, later).
            throw new ObjectOptimisticLockingFailureException(TokenRecordEntity.class, record.id());
        }
        SealedTokens sealed = record.sealed();
        entity.apply(
                record.provider(),
                record.status().name(),
                sealed == null ? null : sealed.dataKey().ciphertext(),
                sealed == null ? null : sealed.dataKey().kekId(),
                sealed == null ? null : sealed.dataKey().kekKeyVersion(),
                sealed == null ? null : sealed.accessToken(),
                sealed == null ? null : sealed.refreshToken(),
                record.lifetimes().accessTokenExpiresAt(),
                record.lifetimes().refreshTokenExpiresAt(),
                record.lifetimes().scope(),
                record.updatedAt(),
                record.shreddedAt());
        // A new entity is persisted; a managed one is flushed at commit, guarded by its @Version.
        repository.save(entity);
    }

    private static TokenRecord toDomain(TokenRecordEntity entity) {
        TokenStatus status = TokenStatus.valueOf(entity.status());
        SealedTokens sealed = null;
        byte[] dataKey = entity.dataKeyWrapped();
        byte[] access = entity.accessTokenCiphertext();
        String kekId = entity.kekId();
        String kekKeyVersion = entity.kekKeyVersion();
        if (dataKey != null && access != null && kekId != null && kekKeyVersion != null) {
            sealed = new SealedTokens(
                    new WrappedDataKey(dataKey, kekId, kekKeyVersion), access, entity.refreshTokenCiphertext());
        }
        return new TokenRecord(
                entity.id(),
                new TokenBinding(entity.orgId(), entity.connectionId()),
                entity.provider(),
                status,
                sealed,
                new TokenLifetimes(entity.accessTokenExpiresAt(), entity.refreshTokenExpiresAt(), entity.scope()),
                entity.createdAt(),
                entity.updatedAt(),
                entity.shreddedAt(),
                entity.version());
    }
}
