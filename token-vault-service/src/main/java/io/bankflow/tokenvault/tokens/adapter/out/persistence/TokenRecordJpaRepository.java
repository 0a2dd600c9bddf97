package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TokenRecordJpaRepository extends JpaRepository<TokenRecordEntity, UUID> {

    Optional<TokenRecordEntity> findByConnectionId(UUID connectionId);

    Optional<TokenRecordEntity> findByOrgIdAndConnectionId(String orgId, UUID connectionId);
}
