package io.bankflow.webhookingest.endpoints.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code webhook_endpoint}. Mapped to and from the domain type; not used outside this package. */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpointEntity {

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private String orgId;

    @Column(nullable = false, updatable = false)
    private String provider;

    @Column(name = "signing_secret_ciphertext", nullable = false)
    private byte[] signingSecretCiphertext;

    @Column(name = "kek_version", nullable = false)
    private int kekVersion;

    @Column(name = "secret_generated", nullable = false, updatable = false)
    private boolean secretGenerated;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deactivated_at")
    private @Nullable Instant deactivatedAt;

    // A wrapper, null until first persisted: that is how Spring Data tells a new entity with an assigned id from an
    // existing one (persist, not a merge that selects first).
    @Version
    private @Nullable Long version;

    protected WebhookEndpointEntity() {}

    WebhookEndpointEntity(
            UUID id,
            String orgId,
            String provider,
            byte[] signingSecretCiphertext,
            int kekVersion,
            boolean secretGenerated,
            Instant createdAt) {
        this.id = id;
        this.orgId = orgId;
        this.provider = provider;
        this.signingSecretCiphertext = signingSecretCiphertext;
        this.kekVersion = kekVersion;
        this.secretGenerated = secretGenerated;
        this.active = true;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void deactivate(Instant at) {
        this.active = false;
        this.deactivatedAt = at;
        this.updatedAt = at;
    }

    UUID id() {
        return id;
    }

    String orgId() {
        return orgId;
    }

    String provider() {
        return provider;
    }

    byte[] signingSecretCiphertext() {
        return signingSecretCiphertext;
    }

    int kekVersion() {
        return kekVersion;
    }

    boolean secretGenerated() {
        return secretGenerated;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant deactivatedAt() {
        return deactivatedAt;
    }
}
