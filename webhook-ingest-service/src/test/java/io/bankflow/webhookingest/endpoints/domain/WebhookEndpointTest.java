package io.bankflow.webhookingest.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.webhookingest.providers.domain.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    static final UUID ID = UUID.fromString("6f1c2d7e-8a4b-4c1e-9f3a-2b5d7e9c1a30");
    static final Instant CREATED = Instant.parse("2026-11-21T10:15:30.123456789Z");

    final WebhookEndpoint endpoint = WebhookEndpoint.create(
            ID, "acme-industries", Provider.SANDBOX_BANK, new SealedSecret(new byte[] {1, 2, 3}, 1), true, CREATED);

    @Test
    void isActiveAndAddressedByProviderAndIdWhenCreated() {
        assertThat(endpoint.active()).isTrue();
        assertThat(endpoint.path()).isEqualTo("/webhooks/sandbox-bank/6f1c2d7e-8a4b-4c1e-9f3a-2b5d7e9c1a30");
    }

    @Test
    void keepsTheCreationTimeToTheMicrosecondLikeTheDatabase() {
        assertThat(endpoint.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123456Z"));
    }

    @Test
    void deactivatesOnceAndKeepsTheFirstMoment() {
        Instant first = Instant.parse("2026-11-22T08:00:00Z");

        WebhookEndpoint deactivated = endpoint.deactivate(first).deactivate(first.plusSeconds(60));

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.deactivatedAt()).isEqualTo(first);
    }

    @Test
    void bindsItsSecretToOrganisationAndEndpoint() {
        assertThat(new String(endpoint.secretBinding().associatedData(), StandardCharsets.UTF_8))
                .isEqualTo("acme-industries|6f1c2d7e-8a4b-4c1e-9f3a-2b5d7e9c1a30");
    }
}
