package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.tokenvault.tokens.VaultTransitProperties;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey.Rewrap;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey.Rewrapped;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import io.bankflow.tokenvault.vaultsim.VaultOperator;
import io.bankflow.tokenvault.vaultsim.VaultTransitSimulator;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Vault Transit KEK through the Vault Java driver against the Transit simulator (a real HTTP server). */
class VaultTransitKeyEncryptionKeyIT {

    static VaultTransitSimulator vault;
    static VaultOperator operator;

    static final byte[] DATA_KEY = "a-data-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final byte[] ACME = "acme-industries|c1|data_key".getBytes(StandardCharsets.UTF_8);
    static final byte[] GLOBEX = "globex-trading|c1|data_key".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path secrets;

    @BeforeAll
    static void start() {
        vault = VaultTransitSimulator.start();
        operator = VaultOperator.of(vault);
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    static String newKeyName() {
        return "token-vault-" + UUID.randomUUID();
    }

    static VaultTransitProperties settings(String keyName, String token, boolean createKey) {
        return new VaultTransitProperties(
                vault.address(),
                token,
                null,
                "transit",
                keyName,
                createKey,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    static VaultTransitKeyEncryptionKey kek(String keyName) {
        return VaultTransitKeyEncryptionKey.connect(settings(keyName, vault.rootToken(), true));
    }

    @Test
    void createsADerivedKeyWhenAllowedAndWrapsUnderItsLatestVersion() {
        String name = newKeyName();
        VaultTransitKeyEncryptionKey kek = kek(name);

        WrappedDataKey wrapped = kek.wrap(DATA_KEY, ACME);

        assertThat(operator.readKey(name)).containsEntry("derived", true).containsEntry("type", "aes256-gcm96");
        assertThat(kek.id()).isEqualTo("vault-transit:transit/" + name);
        assertThat(wrapped.kekId()).isEqualTo(kek.id());
        assertThat(wrapped.kekKeyVersion()).isEqualTo("1");
        assertThat(new String(wrapped.ciphertext(), StandardCharsets.UTF_8)).startsWith("vault:v1:");
        assertThat(kek.unwrap(wrapped, ACME)).isEqualTo(DATA_KEY);
    }

    @Test
    void refusesToUnwrapADataKeyForAnotherBinding() {
        VaultTransitKeyEncryptionKey kek = kek(newKeyName());
        WrappedDataKey wrapped = kek.wrap(DATA_KEY, ACME);

        assertThatThrownBy(() -> kek.unwrap(wrapped, GLOBEX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not unwrap")
                .hasMessageContaining("cipher: message authentication failed");
    }

    @Test
    void rewrapsToTheRotatedVersionAndReportsFailuresPerItem() {
        String name = newKeyName();
        VaultTransitKeyEncryptionKey kek = kek(name);
        WrappedDataKey first = kek.wrap(DATA_KEY, ACME);
        WrappedDataKey second = kek.wrap(DATA_KEY, GLOBEX);

        operator.rotate(name);
        List<Rewrapped> results = kek.rewrap(List.of(new Rewrap(first, ACME), new Rewrap(second, ACME)));

        assertThat(kek.currentKeyVersion()).isEqualTo("2");
        assertThat(results.get(0).wrapped()).isNotNull();
        assertThat(results.get(0).wrapped().kekKeyVersion()).isEqualTo("2");
        assertThat(kek.unwrap(results.get(0).wrapped(), ACME)).isEqualTo(DATA_KEY);
        assertThat(results.get(1).wrapped()).isNull();
        assertThat(results.get(1).failure()).isEqualTo("Vault Transit: cipher: message authentication failed");
        assertThat(kek.wrap(DATA_KEY, ACME).kekKeyVersion()).isEqualTo("2");
    }

    @Test
    void unwrapsOnlyRewrappedDataKeysOnceMinDecryptionVersionIsRaised() {
        String name = newKeyName();
        VaultTransitKeyEncryptionKey kek = kek(name);
        WrappedDataKey rewrappedLater = kek.wrap(DATA_KEY, ACME);
        WrappedDataKey leftBehind = kek.wrap(DATA_KEY, GLOBEX);
        operator.rotate(name);
        WrappedDataKey rewrapped =
                kek.rewrap(List.of(new Rewrap(rewrappedLater, ACME))).getFirst().wrapped();

        operator.configure(name, Map.of("min_decryption_version", 2));

        assertThat(kek.unwrap(rewrapped, ACME)).isEqualTo(DATA_KEY);
        assertThatThrownBy(() -> kek.unwrap(leftBehind, GLOBEX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ciphertext or signature version is disallowed by policy (too old)");
    }

    @Test
    void refusesToStartWithoutTheKeyOrWithAKeyThatIsNotDerived() {
        String missing = newKeyName();
        String plain = newKeyName();
        operator.createKey(plain, Map.of("type", "aes256-gcm96"));

        assertThatThrownBy(() -> VaultTransitKeyEncryptionKey.connect(settings(missing, vault.rootToken(), false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> VaultTransitKeyEncryptionKey.connect(settings(plain, vault.rootToken(), false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a derived");
    }

    @Test
    void neverShowsTheTokenWhenVaultRefusesIt() {
        String token = "hvs.planted-" + UUID.randomUUID();
        VaultTransitProperties settings = settings(newKeyName(), token, true);

        assertThatThrownBy(() -> VaultTransitKeyEncryptionKey.connect(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 403 [permission denied]")
                .hasMessageNotContaining(token)
                .hasNoCause();
        assertThat(settings.toString()).doesNotContain(token).contains("token=(configured)");
    }

    @Test
    void saysVaultIsUnreachableWithoutTheToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultTransitProperties settings = new VaultTransitProperties(
                URI.create("http://127.0.0.1:" + closedPort),
                vault.rootToken(),
                null,
                "transit",
                newKeyName(),
                true,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> VaultTransitKeyEncryptionKey.connect(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed to read key")
                .hasMessageNotContaining(vault.rootToken());
    }

    @Test
    void readsTheTokenFromItsFileAgainWhenTheFileChanges() throws Exception {
        String first = "hvs.first-" + UUID.randomUUID();
        String second = "hvs.second-" + UUID.randomUUID();
        vault.addToken(first);
        Path tokenFile = Files.writeString(secrets.resolve("vault.token"), first + "\n");
        VaultTransitKeyEncryptionKey kek = VaultTransitKeyEncryptionKey.connect(new VaultTransitProperties(
                vault.address(),
                "",
                tokenFile,
                "transit",
                newKeyName(),
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5)));
        WrappedDataKey wrapped = kek.wrap(DATA_KEY, ACME);

        // Vault Agent renews: a new token in the file, the old one revoked.
        vault.addToken(second);
        Files.writeString(tokenFile, second + "\n");
        Files.setLastModifiedTime(tokenFile, FileTime.from(Instant.now().plusSeconds(5)));
        vault.revokeToken(first);

        assertThat(kek.unwrap(wrapped, ACME)).isEqualTo(DATA_KEY);
    }
}
