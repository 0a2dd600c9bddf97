package io.bankflow.tokenvault.tokens.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.tokenvault.vaultsim.VaultOperator;
import io.bankflow.tokenvault.vaultsim.VaultTransitSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DataKeyRotationContract} with Vault Transit (the simulator on a loopback port): rotated with {@code
 * keys/:name/rotate}, old versions retired with {@code min_decryption_version}. The service reads its token from a file
 * and never shows it.
 */
@ServiceIntegrationTest(properties = "bankflow.token-vault.rewrap.batch-size=" + DataKeyRotationContract.BATCH_SIZE)
@ExtendWith(OutputCaptureExtension.class)
class VaultTransitRotationIT extends DataKeyRotationContract {

    static final String KEY = "token-vault-" + UUID.randomUUID();
    static VaultTransitSimulator vault;
    static VaultOperator operator;

    @DynamicPropertySource
    static void vaultTransit(DynamicPropertyRegistry registry) throws Exception {
        vault = VaultTransitSimulator.start();
        operator = VaultOperator.of(vault);
        Path tokenFile = Path.of("target/test-secrets/vault-" + UUID.randomUUID() + ".token");
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, vault.rootToken());
        String prefix = "bankflow.token-vault.kek.";
        registry.add(prefix + "provider", () -> "vault-transit");
        registry.add(prefix + "vault-transit.address", () -> vault.address().toString());
        registry.add(prefix + "vault-transit.token", () -> "");
        registry.add(prefix + "vault-transit.token-file", tokenFile::toString);
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
    void rotate() {
        operator.rotate(KEY);
    }

    @Override
    void retireOldVersions() {
        operator.configure(
                KEY, Map.of("min_decryption_version", operator.readKey(KEY).get("latest_version")));
    }

    @Override
    void restoreOldVersions() {
        operator.configure(KEY, Map.of("min_decryption_version", 1));
    }

    @Test
    void wrapsWithTheDerivedVaultKeyAndNeverLogsTheToken(CapturedOutput output) throws Exception {
        Stored stored = store();
        rotate();
        rewrapDataKeys.rewrapAll();

        assertThat(kek.id()).isEqualTo("vault-transit:transit/" + KEY);
        assertThat(new String(sealed(stored).dataKey().ciphertext())).startsWith("vault:v");
        assertThat(operator.readKey(KEY)).containsEntry("derived", true);
        assertThat(output.getAll()).doesNotContain(vault.rootToken());
    }
}
