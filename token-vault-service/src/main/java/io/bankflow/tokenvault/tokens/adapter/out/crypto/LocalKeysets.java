package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.tokenvault.tokens.KeyEncryptionProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KEK keyset of the embedded default: the configured one, or the keyset file, generated on first start.
 *
 * <p>Same job as webhook-ingest-service's {@code WebhookKeysets} (a candidate for a shared module, see the service
 * canvas).
 */
final class LocalKeysets {

    private static final Logger log = LoggerFactory.getLogger(LocalKeysets.class);

    private LocalKeysets() {}

    /**
     * @throws IllegalStateException when the configured keyset or the file is not a Tink JSON keyset: the service must
     *     not start with a key that cannot open what it stored
     */
    static KeysetHandle load(KeyEncryptionProperties properties) {
        if (properties.hasConfiguredKeyset()) {
            log.info("Token data keys are wrapped by the keyset of bankflow.token-vault.kek.keyset");
            return parse(properties.keyset(), "bankflow.token-vault.kek.keyset");
        }
        Path file = properties.keysetFile().toAbsolutePath();
        if (!Files.exists(file)) {
            generate(file);
        }
        log.warn(
                "Token data keys are wrapped by the generated keyset in {} (embedded default). Set"
                        + " BANKFLOW_TOKEN_VAULT_KEYSET from a secret store in production; every instance needs the"
                        + " same keyset, and losing it loses every stored token.",
                file);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token vault keyset " + file, e);
        }
    }

    private static KeysetHandle parse(String json, String source) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // A parser's message may quote its input, i.e. key material: only the type goes on.
            throw new IllegalStateException("The token vault keyset from " + source
                    + " is not a valid Tink JSON keyset (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes a new AES256-GCM keyset readable by the owner only. It is written to a temporary file and then hard-linked
     * into place; the link fails when another instance was first, and then that instance's keyset is used: nobody ever
     * reads a half-written file or overwrites a keyset that already wrapped data keys.
     */
    private static void generate(Path file) {
        try {
            Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(Files.createFile(temporary, ownerOnly("rw-------")), json, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temporary);
                log.info("Generated the token vault keyset {}", file);
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                log.info("Another instance generated the token vault keyset {} first; using it", file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token vault keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a token vault keyset", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
