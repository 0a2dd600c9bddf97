package io.bankflow.connection.connections.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.connection.connections.ConnectionsProperties;
import io.bankflow.connection.connections.domain.Pkce;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierCipherTest {

    @TempDir
    Path secrets;

    ConnectionsProperties properties(@Nullable String key) {
        return new ConnectionsProperties(
                URI.create("http://127.0.0.1:18600/oauth/callback"),
                Duration.ofMinutes(10),
                Duration.ofDays(180),
                4,
                key,
                secrets,
                Duration.ofHours(24));
    }

    @Test
    void decryptsWhatItEncryptedForTheSameConnectionOnly() {
        VerifierCipher cipher = new VerifierCipher(properties(null));
        Pkce pkce = Pkce.generate(new SecureRandom());
        UUID connection = UUID.randomUUID();

        String stored = cipher.encrypt(connection, pkce);

        assertThat(stored).startsWith("v1:").doesNotContain(pkce.verifier());
        assertThat(cipher.decrypt(connection, stored)).isEqualTo(pkce);
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnFirstUseAndReusesIt() throws Exception {
        Pkce pkce = Pkce.generate(new SecureRandom());
        UUID connection = UUID.randomUUID();
        String stored = new VerifierCipher(properties(null)).encrypt(connection, pkce);

        Path file = secrets.resolve("connection-service-verifier.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new VerifierCipher(properties(null)).decrypt(connection, stored))
                .isEqualTo(pkce);
    }

    @Test
    void usesAConfiguredKeyAndRefusesOneOfTheWrongSize() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        VerifierCipher cipher =
                new VerifierCipher(properties(Base64.getEncoder().encodeToString(key)));

        cipher.encrypt(UUID.randomUUID(), Pkce.generate(new SecureRandom()));

        try (var files = Files.list(secrets)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(
                        () -> new VerifierCipher(properties(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(IllegalStateException.class);
    }
}
