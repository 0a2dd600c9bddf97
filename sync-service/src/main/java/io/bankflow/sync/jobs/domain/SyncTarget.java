package io.bankflow.sync.jobs.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What sync-service knows about a connection it syncs: the account it feeds and how the provider names things.
 * Learned from SyncRequested (connection-service owns connections); the provider's account id is learned on the first
 * job, and the cursor moves with every completed job.
 *
 * @param orgId the organisation
 * @param connectionId the connection
 * @param accountId the Bankflow bank account the connection feeds
 * @param provider the provider, e.g. {@code sandbox-bank}
 * @param providerConsentId the provider's consent id, when the provider has consents
 * @param accountIban the account's IBAN, how the account is found among those the consent lists
 * @param accountResourceId the provider's id of the account, once a job found it
 * @param syncedThrough the last booking date a completed job covered, when one did
 */
public record SyncTarget(
        String orgId,
        UUID connectionId,
        UUID accountId,
        String provider,
        @Nullable String providerConsentId,
        @Nullable String accountIban,
        @Nullable String accountResourceId,
        @Nullable LocalDate syncedThrough) {

    public SyncTarget {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(provider, "provider");
    }

    /** The same target as newly announced by connection-service: what this service learned itself is kept. */
    public SyncTarget announcedAgain(SyncTarget announced) {
        boolean sameConsent = Objects.equals(providerConsentId, announced.providerConsentId());
        return new SyncTarget(
                orgId,
                connectionId,
                announced.accountId(),
                announced.provider(),
                announced.providerConsentId(),
                announced.accountIban(),
                // A new consent may list the account under a new id: find it again.
                sameConsent ? accountResourceId : null,
                syncedThrough);
    }

    public SyncTarget withAccountResourceId(String resourceId) {
        return new SyncTarget(
                orgId, connectionId, accountId, provider, providerConsentId, accountIban, resourceId, syncedThrough);
    }

    /** After a completed job that covered booking dates up to {@code through}: the cursor never moves back. */
    public SyncTarget syncedThrough(LocalDate through) {
        LocalDate next = syncedThrough == null || through.isAfter(syncedThrough) ? through : syncedThrough;
        return new SyncTarget(
                orgId, connectionId, accountId, provider, providerConsentId, accountIban, accountResourceId, next);
    }
}
