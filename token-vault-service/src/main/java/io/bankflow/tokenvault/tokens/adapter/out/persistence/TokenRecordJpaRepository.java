package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TokenRecordJpaRepository extends JpaRepository<TokenRecordEntity, UUID> {

    Optional<TokenRecordEntity> findByConnectionId(UUID connectionId);

    Optional<TokenRecordEntity> findByOrgIdAndConnectionId(String orgId, UUID connectionId);

    @Query(value = """
            SELECT connection_id FROM token_record
            WHERE status = 'ACTIVE' AND access_token_expires_at < :before
            ORDER BY access_token_expires_at
            LIMIT :limit
            """, nativeQuery = true)
    List<UUID> findActiveConnectionsExpiringBefore(@Param("before") Instant before, @Param("limit") int limit);

    @Query(value = "SELECT * FROM token_record WHERE connection_id = :connectionId FOR UPDATE", nativeQuery = true)
    Optional<TokenRecordEntity> lockByConnectionId(@Param("connectionId") UUID connectionId);

    @Query(
            value = "SELECT * FROM token_record WHERE connection_id = :connectionId FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<TokenRecordEntity> lockByConnectionIdSkipLocked(@Param("connectionId") UUID connectionId);
}
