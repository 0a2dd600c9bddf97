package io.bankflow.connection.idempotency;

import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.UnprocessableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creations made safe to retry with an {@code Idempotency-Key}, on the {@code idempotency_key} table.
 *
 * <p>The protocol, per organisation, scope (what is created) and key:
 *
 * <ol>
 *   <li><b>Claim</b>, in a short transaction of its own that commits at once: a row naming the request's fingerprint
 *       (SHA-256 of what it asks for) and a fresh claim id. A concurrent request with the key finds the row and is
 *       answered 409 {@code idempotency-key-in-use} at once instead of waiting; this also holds while the creation
 *       waits for a bank, without keeping a database transaction (or connection) open for it.
 *   <li><b>Complete</b>, in the transaction that stores what was created: the row gets the id of the new resource, so
 *       either both are committed or neither.
 *   <li><b>Release</b> when the creation fails (any exception): the row is deleted, so a retry runs the creation
 *       again; errors are not replayed.
 * </ol>
 *
 * A later request with the key and the same fingerprint gets the resource again (a replay); with another fingerprint
 * it is refused (422 {@code idempotency-key-reused}). A finished row older than the scope's retention, or a claim older
 * than {@link IdempotencyProperties#inProgressTimeout()} (its instance died mid-request), is taken over by the next
 * request as if the key were new.
 */
@Component
public class IdempotentCreations {

    private static final Logger log = LoggerFactory.getLogger(IdempotentCreations.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotentCreations(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            IdempotencyProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs the creation, or replays the one an earlier request with the same key made.
     *
     * @param request the key and what the request asks for
     * @param creation creates the resource; it must call {@link Completion#completed} with the new resource's id in the
     *     transaction that stores it
     * @param replay what to answer for the resource an earlier request created
     * @throws ConflictException (409 {@code idempotency-key-in-use}) when a request with the key is still running
     * @throws UnprocessableException (422 {@code idempotency-key-reused}) when the key was used for another request
     */
    public <T> Result<T> create(Request request, Function<Completion, T> creation, Function<UUID, T> replay) {
        String key = request.key();
        if (key == null) {
            return new Result<>(creation.apply(resourceId -> {}), false);
        }
        Claim claim = claim(request, key);
        if (claim.earlierResource() != null) {
            log.info(
                    "Replaying {} {} of organisation {} for a retried request",
                    request.scope(),
                    claim.earlierResource(),
                    request.orgId());
            return new Result<>(replay.apply(claim.earlierResource()), true);
        }
        UUID claimId = Objects.requireNonNull(claim.claimId());
        T created;
        try {
            created = creation.apply(resourceId -> complete(request, key, claimId, resourceId));
        } catch (RuntimeException | Error failure) {
            release(request, key, claimId);
            throw failure;
        }
        return new Result<>(created, false);
    }

    /** SHA-256 (hex) of the parts of a request that matter, in order: what it asks for, independent of JSON layout. */
    public static String fingerprint(String... parts) {
        String canonical = String.join("\u001f", parts);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Claim claim(Request request, String key) {
        // Microseconds: what PostgreSQL keeps.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID claimId = UUID.randomUUID();
        // Two rounds: a row found by the insert may be released (deleted) before it is read.
        for (int round = 0; round < 2; round++) {
            Claim claim = Objects.requireNonNull(ownTransaction.execute(status -> {
                int inserted = jdbc.sql("""
                                INSERT INTO idempotency_key (org_id, scope, idempotency_key, request_fingerprint,
                                                             claim_id, claimed_at)
                                VALUES (:orgId, :scope, :key, :fingerprint, :claimId, :now)
                                ON CONFLICT (org_id, scope, idempotency_key) DO NOTHING
                                """)
                        .param("orgId", request.orgId())
                        .param("scope", request.scope())
                        .param("key", key)
                        .param("fingerprint", request.fingerprint())
                        .param("claimId", claimId)
                        .param("now", Timestamp.from(now))
                        .update();
                if (inserted == 1) {
                    return Claim.held(claimId);
                }
                Optional<Row> found = lock(request, key);
                if (found.isEmpty()) {
                    return Claim.RETRY;
                }
                Row row = found.get();
                if (row.isStale(now, request.retention(), properties.inProgressTimeout())) {
                    takeOver(request, key, claimId, now);
                    return Claim.held(claimId);
                }
                if (row.resourceId() == null) {
                    throw new ConflictException(
                            "idempotency-key-in-use",
                            "Request still in progress",
                            "A request with this Idempotency-Key is still being processed; retry when it has"
                                    + " finished.");
                }
                if (!row.fingerprint().equals(request.fingerprint())) {
                    throw new UnprocessableException(
                            "idempotency-key-reused",
                            "Idempotency key reused",
                            "This Idempotency-Key was already used for a different request; use a new key for a new"
                                    + " request.");
                }
                return Claim.replay(row.resourceId());
            }));
            if (claim != Claim.RETRY) {
                return claim;
            }
        }
        throw new ConflictException(
                "idempotency-key-in-use",
                "Request still in progress",
                "A request with this Idempotency-Key is being processed; retry when it has finished.");
    }

    private Optional<Row> lock(Request request, String key) {
        return jdbc.sql("""
                        SELECT request_fingerprint, resource_id, claimed_at, completed_at FROM idempotency_key
                        WHERE org_id = :orgId AND scope = :scope AND idempotency_key = :key
                        FOR UPDATE
                        """)
                .param("orgId", request.orgId())
                .param("scope", request.scope())
                .param("key", key)
                .query((rs, rowNumber) -> {
                    Timestamp completedAt = rs.getTimestamp("completed_at");
                    return new Row(
                            rs.getString("request_fingerprint"),
                            rs.getObject("resource_id", UUID.class),
                            rs.getTimestamp("claimed_at").toInstant(),
                            completedAt == null ? null : completedAt.toInstant());
                })
                .optional();
    }

    private void takeOver(Request request, String key, UUID claimId, Instant now) {
        jdbc.sql("""
                UPDATE idempotency_key
                SET request_fingerprint = :fingerprint, claim_id = :claimId, claimed_at = :now, resource_id = NULL,
                    completed_at = NULL
                WHERE org_id = :orgId AND scope = :scope AND idempotency_key = :key
                """)
                .param("fingerprint", request.fingerprint())
                .param("claimId", claimId)
                .param("now", Timestamp.from(now))
                .param("orgId", request.orgId())
                .param("scope", request.scope())
                .param("key", key)
                .update();
    }

    private void complete(Request request, String key, UUID claimId, UUID resourceId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An idempotent creation completes in the transaction that stores it");
        }
        int updated = jdbc.sql("""
                        UPDATE idempotency_key SET resource_id = :resourceId, completed_at = :now
                        WHERE org_id = :orgId AND scope = :scope AND idempotency_key = :key AND claim_id = :claimId
                        """)
                .param("resourceId", resourceId)
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("orgId", request.orgId())
                .param("scope", request.scope())
                .param("key", key)
                .param("claimId", claimId)
                .update();
        if (updated != 1) {
            // This request ran past the in-progress timeout and a retry took the key over: roll back, the retry wins.
            throw new ConflictException(
                    "idempotency-key-in-use",
                    "Request still in progress",
                    "A newer request with this Idempotency-Key took it over; retry to get its answer.");
        }
    }

    private void release(Request request, String key, UUID claimId) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            DELETE FROM idempotency_key
                            WHERE org_id = :orgId AND scope = :scope AND idempotency_key = :key
                              AND claim_id = :claimId AND completed_at IS NULL
                            """)
                    .param("orgId", request.orgId())
                    .param("scope", request.scope())
                    .param("key", key)
                    .param("claimId", claimId)
                    .update());
        } catch (RuntimeException releaseFailed) {
            // The creation's own failure is what the client must see; the claim lapses after the in-progress timeout.
            log.warn(
                    "Could not release the Idempotency-Key of a failed {} creation in organisation {}",
                    request.scope(),
                    request.orgId(),
                    releaseFailed);
        }
    }

    /**
     * What a request asks for under its key.
     *
     * @param scope what it creates, e.g. {@code bank-account}: the same key may be used for different things
     * @param orgId the caller's organisation (keys are per organisation)
     * @param key the client's {@code Idempotency-Key}, or null (then the creation simply runs)
     * @param fingerprint {@link #fingerprint(String...)} of what the request asks for
     * @param retention how long a finished creation is replayed
     */
    public record Request(
            String scope, String orgId, @Nullable String key, String fingerprint, Duration retention) {

        public Request {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(retention, "retention");
        }
    }

    /** Called by a creation, in the transaction that stores the new resource. */
    @FunctionalInterface
    public interface Completion {

        void completed(UUID resourceId);
    }

    /**
     * The answer of a creation.
     *
     * @param value what the creation (or the replay) answered
     * @param replayed whether it replays an earlier creation
     */
    public record Result<T>(T value, boolean replayed) {}

    /** A claimed key ({@code claimId}), an earlier creation to replay, or neither: read the row again. */
    private record Claim(@Nullable UUID claimId, @Nullable UUID earlierResource) {

        static final Claim RETRY = new Claim(null, null);

        static Claim held(UUID claimId) {
            return new Claim(claimId, null);
        }

        static Claim replay(UUID resourceId) {
            return new Claim(null, resourceId);
        }
    }

    private record Row(
            String fingerprint,
            @Nullable UUID resourceId,
            Instant claimedAt,
            @Nullable Instant completedAt) {

        boolean isStale(Instant now, Duration retention, Duration inProgressTimeout) {
            return completedAt == null
                    ? !claimedAt.isAfter(now.minus(inProgressTimeout))
                    : completedAt.isBefore(now.minus(retention));
        }
    }
}
