package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code token_record}. The byte columns hold ciphertexts only. */
@Entity
@Table(name = "token_record")
class TokenRecordEntity {

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private String orgId;

    @Column(name = "connection_id", nullable = false, updatable = false)
    private UUID connectionId;

    private String provider;

    private String status;

    @Column(name = "data_key_wrapped")
    private byte @Nullable [] dataKeyWrapped;

    @Column(name = "kek_id")
    private @Nullable String kekId;

    @Column(name = "kek_key_version")
    private @Nullable String kekKeyVersion;

    @Column(name = "access_token_ciphertext")
    private byte @Nullable [] accessTokenCiphertext;

    @Column(name = "refresh_token_ciphertext")
    private byte @Nullable [] refreshTokenCiphertext;

    @Column(name = "access_token_expires_at")
    private Instant accessTokenExpiresAt;

    @Column(name = "refresh_token_expires_at")
    private @Nullable Instant refreshTokenExpiresAt;

    private @Nullable String scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "shredded_at")
    private @Nullable Instant shreddedAt;

    @Version
    private long version;

    protected TokenRecordEntity() {}

    TokenRecordEntity(UUID id, String orgId, UUID connectionId, Instant createdAt) {
        this.id = id;
        this.orgId = orgId;
        this.connectionId = connectionId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.provider = "";
        this.status = "";
        this.accessTokenExpiresAt = createdAt;
    }

    void apply(
            String provider,
            String status,
            byte @Nullable [] dataKeyWrapped,
            @Nullable String kekId,
            @Nullable String kekKeyVersion,
            byte @Nullable [] accessTokenCiphertext,
            byte @Nullable [] refreshTokenCiphertext,
            Instant accessTokenExpiresAt,
            @Nullable Instant refreshTokenExpiresAt,
            @Nullable String scope,
            Instant updatedAt,
            @Nullable Instant shreddedAt) {
        this.provider = provider;
        this.status = status;
        this.dataKeyWrapped = dataKeyWrapped;
        this.kekId = kekId;
        this.kekKeyVersion = kekKeyVersion;
        this.accessTokenCiphertext = accessTokenCiphertext;
        this.refreshTokenCiphertext = refreshTokenCiphertext;
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        this.refreshTokenExpiresAt = refreshTokenExpiresAt;
        this.scope = scope;
        this.updatedAt = updatedAt;
        this.shreddedAt = shreddedAt;
    }

    UUID id() {
        return id;
    }

    String orgId() {
        return orgId;
    }

    UUID connectionId() {
        return connectionId;
    }

    String provider() {
        return provider;
    }

    String status() {
        return status;
    }

    byte @Nullable [] dataKeyWrapped() {
        return dataKeyWrapped;
    }

    @Nullable
    String kekId() {
        return kekId;
    }

    @Nullable
    String kekKeyVersion() {
        return kekKeyVersion;
    }

    byte @Nullable [] accessTokenCiphertext() {
        return accessTokenCiphertext;
    }

    byte @Nullable [] refreshTokenCiphertext() {
        return refreshTokenCiphertext;
    }

    Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    @Nullable
    Instant refreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    @Nullable
    String scope() {
        return scope;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Nullable
    Instant shreddedAt() {
        return shreddedAt;
    }

    long version() {
        return version;
    }
}
