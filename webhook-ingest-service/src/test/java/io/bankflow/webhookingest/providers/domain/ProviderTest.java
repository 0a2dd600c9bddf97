package io.bankflow.webhookingest.providers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void findsProvidersByTheirWireNameInAnyCase() {
        assertThat(Provider.fromWireName("sandbox-bank")).hasValue(Provider.SANDBOX_BANK);
        assertThat(Provider.fromWireName(" Stripe ")).hasValue(Provider.STRIPE);
        assertThat(Provider.fromWireName("paypal")).isEmpty();
        assertThat(Provider.fromWireName("")).isEmpty();
    }

    @Test
    void listsTheSupportedProviders() {
        assertThat(Provider.supportedWireNames()).containsExactly("sandbox-bank", "stripe");
    }

    @Test
    void generatesSecretsOnlyForProvidersWhoseSecretsBankflowMayIssue() {
        ProviderCatalog catalog = new ProviderCatalog(Duration.ofMinutes(5), new SecureRandom());

        assertThat(catalog.generateSecret(Provider.SANDBOX_BANK))
                .hasValueSatisfying(secret -> assertThat(
                                catalog.verifier(Provider.SANDBOX_BANK).secretProblem(secret))
                        .isEmpty());
        assertThat(catalog.generateSecret(Provider.STRIPE)).isEmpty();
    }

    @Test
    void neverShowsASecretInToString() {
        SigningSecret secret = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.toString()).doesNotContain("MfKQ9r8");
        assertThat(secret.sameAs(SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
                .isTrue();
        assertThat(secret.sameAs(SigningSecret.of("whsec_other"))).isFalse();
    }
}
