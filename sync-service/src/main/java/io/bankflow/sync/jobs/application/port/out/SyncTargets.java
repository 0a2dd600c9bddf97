package io.bankflow.sync.jobs.application.port.out;

import io.bankflow.sync.jobs.domain.SyncTarget;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The connections sync-service syncs. Writes run in the caller's transaction. */
public interface SyncTargets {

    Optional<SyncTarget> find(String orgId, UUID connectionId);

    /** Like {@link #find}, holding the row until the transaction ends. */
    Optional<SyncTarget> lock(String orgId, UUID connectionId);

    /** Inserts or replaces the target. */
    void save(SyncTarget target);

    /** The organisation's targets with the provider whose consent or provider account id is {@code ref}. */
    List<SyncTarget> findByProviderRef(String orgId, String provider, String ref);
}
