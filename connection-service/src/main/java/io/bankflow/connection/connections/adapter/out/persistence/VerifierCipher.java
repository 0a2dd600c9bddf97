package io.bankflow.connection.connections.adapter.out.persistence;

import io.bankflow.connection.connections.ConnectionsProperties;
import io.bankflow.connection.connections.domain.Pkce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts PKCE verifiers at rest with AES-256-GCM; the connection id is the associated data, so a ciphertext copied
 * to another connection's row does not decrypt. The key never lives in the database: it comes from
 * {@code bankflow.connections.verifier-key} or a owner-only key file in the secrets directory (created on first use,
 * like the other local secrets). Stored form: {@code v1:<base64 nonce>:<base64 ciphertext+tag>}.
 */
@Component
class VerifierCipher {

    private static final String KEY_FILE = "connection-service-verifier.key";
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ConnectionsProperties properties;
    private final SecureRandom random = new SecureRandom();
    private @Nullable SecretKey key;

    VerifierCipher(ConnectionsProperties properties) {
        this.properties = properties;
        String configured = properties.verifierKey();
        if (configured != null && !configured.isBlank()) {
            key(); // a configured key is checked at startup; only the key file waits for first use
        }
    }

    /** Read (or created) on first use: a service that never starts a connection touches no key file. */
    private synchronized SecretKey key() {
        if (key == null) {
            key = new SecretKeySpec(keyBytes(properties), "AES");
        }
        return key;
    }

    String encrypt(UUID connectionId, Pkce pkce) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(connectionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(pkce.verifier().getBytes(StandardCharsets.US_ASCII));
            Base64.Encoder base64 = Base64.getEncoder();
            return VERSION + ":" + base64.encodeToString(nonce) + ":" + base64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a PKCE verifier", e);
        }
    }

    Pkce decrypt(UUID connectionId, String stored) {
        String[] parts = stored.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("Unknown format of a stored PKCE verifier");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key(),
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[1])));
            cipher.updateAAD(connectionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] verifier = cipher.doFinal(Base64.getDecoder().decode(parts[2]));
            return new Pkce(new String(verifier, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored PKCE verifier does not decrypt with the current key", e);
        }
    }

    private static byte[] keyBytes(ConnectionsProperties properties) {
        String configured = properties.verifierKey();
        if (configured != null && !configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.strip()), "bankflow.connections.verifier-key");
        }
        Path file = properties.secretsDir().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(properties.secretsDir());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temporary = Files.createTempFile(properties.secretsDir(), KEY_FILE, ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's ACL applies.
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(temporary, file); // fails when it exists: never replaces a key in use
                } catch (IOException raced) {
                    Files.deleteIfExists(temporary); // another instance created it first: use theirs
                }
            }
            return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the PKCE verifier key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be base64 of 32 bytes (AES-256)");
        }
        return key;
    }
}
