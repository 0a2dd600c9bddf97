package io.bankflow.tokenvault.tokens.rotation;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.tokenvault.vaultsim.VaultOperator;
import io.bankflow.tokenvault.vaultsim.VaultTransitSimulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RewrapBenchmark} with Vault Transit: the driver over HTTP to the simulator on a loopback port (no TLS, no
 * network between them: real Vault adds its latency and crypto on top).
 */
@ServiceIntegrationTest
class VaultTransitRewrapBenchmarkIT extends RewrapBenchmark {

    static final String KEY = "benchmark-" + UUID.randomUUID();
    static VaultTransitSimulator vault;

    @DynamicPropertySource
    static void vaultTransit(DynamicPropertyRegistry registry) {
        vault = VaultTransitSimulator.start();
        String prefix = "bankflow.token-vault.kek.";
        registry.add(prefix + "provider", () -> "vault-transit");
        registry.add(prefix + "vault-transit.address", () -> vault.address().toString());
        registry.add(prefix + "vault-transit.token", vault::rootToken);
        registry.add(prefix + "vault-transit.key-name", () -> KEY);
        registry.add(prefix + "vault-transit.create-key", () -> "true");
    }

    @AfterAll
    static void stopVault() {
        if (vault != null) {
            vault.close();
        }
    }

    @Override
    String kekName() {
        return "vault-transit";
    }

    @Override
    void rotate() {
        VaultOperator.of(vault).rotate(KEY);
    }
}
