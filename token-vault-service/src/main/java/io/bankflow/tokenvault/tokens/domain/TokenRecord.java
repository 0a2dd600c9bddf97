package io.bankflow.tokenvault.tokens.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One connection's provider tokens as the vault keeps them: sealed secret material plus what is not secret (provider,
 * lifetimes, scope). Immutable; every change returns the next state.
 *
 * @param id the record's id
 * @param binding the organisation and connection the tokens belong to
 * @param provider the provider that issued them, as Bankflow names it
 * @param status where the record stands
 * @param sealed the encrypted tokens and their wrapped data key; null once shredded
 * @param lifetimes until when the tokens are valid
 * @param createdAt when the record was first stored
 * @param updatedAt when it last changed
 * @param shreddedAt when its secret material was destroyed; null while it has some
 * @param version the optimistic-locking version the record was read at
 */
public record TokenRecord(
        UUID id,
        TokenBinding binding,
        String provider,
        TokenStatus status,
        @Nullable SealedTokens sealed,
        TokenLifetimes lifetimes,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant shreddedAt,
        long version) {

    public TokenRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((status == TokenStatus.REVOKED) != (sealed == null)) {
            throw new IllegalArgumentException("A token record has secret material exactly when it is not revoked");
        }
        if ((status == TokenStatus.REVOKED) != (shreddedAt != null)) {
            throw new IllegalArgumentException("A revoked token record needs the moment it was shredded");
        }
    }

    /**
     * A new record for a connection that had none.
     *
     * @return the record, {@link TokenStatus#ACTIVE}
     */
    public static TokenRecord create(
            UUID id,
            TokenBinding binding,
            String provider,
            SealedTokens sealed,
            TokenLifetimes lifetimes,
            Instant now) {
        return new TokenRecord(id, binding, provider, TokenStatus.ACTIVE, sealed, lifetimes, now, now, null, 0);
    }

    /**
     * The record with new tokens (a new consent, a code exchange, later a refresh): the old data key and ciphertexts
     * are replaced, not kept.
     *
     * @return the next state, {@link TokenStatus#ACTIVE}
     */
    public TokenRecord replace(String newProvider, SealedTokens newSealed, TokenLifetimes newLifetimes, Instant now) {
        return new TokenRecord(
                id, binding, newProvider, TokenStatus.ACTIVE, newSealed, newLifetimes, createdAt, now, null, version);
    }

    /**
     * The record without its secret material: the wrapped data key and the ciphertexts are dropped, so nothing stored
     * can ever be decrypted again.
     *
     * @return the tombstone, {@link TokenStatus#REVOKED}
     */
    public TokenRecord shred(Instant now) {
        return new TokenRecord(
                id, binding, provider, TokenStatus.REVOKED, null, lifetimes, createdAt, now, now, version);
    }

    /**
     * The record whose tokens can no longer be refreshed: the customer has to consent again. The ciphertexts stay (a
     * later code exchange replaces them; shredding removes them), nothing decrypts them for use any more.
     *
     * @return the next state, {@link TokenStatus#EXPIRED}
     */
    public TokenRecord expire(Instant now) {
        if (status != TokenStatus.ACTIVE) {
            throw new IllegalStateException("Only active tokens can expire; these are " + status);
        }
        return new TokenRecord(
                id, binding, provider, TokenStatus.EXPIRED, sealed, lifetimes, createdAt, now, null, version);
    }

    /**
     * Whether the refresh token may still be used: the record is active, has one, and it has not expired as far as the
     * provider said.
     *
     * @param now the current time
     * @return whether a refresh can be tried
     */
    public boolean canRefresh(Instant now) {
        Instant refreshExpiresAt = lifetimes.refreshTokenExpiresAt();
        return status == TokenStatus.ACTIVE
                && sealed != null
                && sealed.refreshToken() != null
                && (refreshExpiresAt == null || refreshExpiresAt.isAfter(now));
    }

    /**
     * @param now the current time
     * @return whether the access token has expired
     */
    public boolean accessTokenExpired(Instant now) {
        return !lifetimes.accessTokenExpiresAt().isAfter(now);
    }

    /** @return whether the secret material was destroyed */
    public boolean isShredded() {
        return status == TokenStatus.REVOKED;
    }

    /**
     * Whether the access token is still worth handing out: it must outlive the call it is handed out for.
     *
     * @param now the current time
     * @param minimumValidity how long it must still be valid
     * @return whether it is
     */
    public boolean accessTokenValidFor(Instant now, Duration minimumValidity) {
        return status == TokenStatus.ACTIVE && lifetimes.accessTokenExpiresAt().isAfter(now.plus(minimumValidity));
    }

    /** @return the sealed material of a record that has it */
    public SealedTokens requireSealed() {
        if (sealed == null) {
            throw new IllegalStateException("The tokens of connection " + binding.connectionId() + " were shredded");
        }
        return sealed;
    }
}
