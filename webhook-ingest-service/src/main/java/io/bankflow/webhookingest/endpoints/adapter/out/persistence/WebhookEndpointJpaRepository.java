package io.bankflow.webhookingest.endpoints.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookEndpointJpaRepository extends JpaRepository<WebhookEndpointEntity, UUID> {

    Optional<WebhookEndpointEntity> findByOrgIdAndId(String orgId, UUID id);

    @Query("""
            select e from WebhookEndpointEntity e
            where e.orgId = :orgId
            order by e.createdAt desc, e.id desc
            """)
    List<WebhookEndpointEntity> firstPage(String orgId, Limit limit);

    // Keyset pagination: rows strictly after (createdAt, id) in the newest-first order, served by
    // webhook_endpoint_org_created_ix.
    @Query("""
            select e from WebhookEndpointEntity e
            where e.orgId = :orgId
              and (e.createdAt < :createdAt or (e.createdAt = :createdAt and e.id < :id))
            order by e.createdAt desc, e.id desc
            """)
    List<WebhookEndpointEntity> pageAfter(String orgId, Instant createdAt, UUID id, Limit limit);
}
