package io.bankflow.webhookingest.endpoints.adapter.out.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.webhookingest.endpoints.WebhookSecretsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the keyset that encrypts signing secrets: the configured one, or the embedded default's file, generated on
 * first start.
 */
final class WebhookKeysets {

    private static final Logger log = LoggerFactory.getLogger(WebhookKeysets.class);

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private WebhookKeysets() {}

    /**
     * The keyset.
     *
     * @throws IllegalStateException when the configured keyset or the file does not parse, so the service does not
     *     start with a key that cannot open the stored secrets
     */
    static KeysetHandle load(WebhookSecretsProperties properties) {
        if (properties.hasConfiguredKeyset()) {
            log.info("Webhook signing secrets are encrypted with the keyset of bankflow.webhooks.secret-keyset");
            return parse(properties.secretKeyset(), "bankflow.webhooks.secret-keyset");
        }
        Path file = properties.secretKeysetFile().toAbsolutePath();
        if (!Files.exists(file)) {
            generate(file);
        }
        log.warn(
                "Webhook signing secrets are encrypted with the generated keyset in {} (embedded default). Set"
                        + " BANKFLOW_WEBHOOK_KEYSET from a secret store in production; every instance needs the same"
                        + " keyset.",
                file);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the webhook secret keyset " + file, e);
        }
    }

    private static KeysetHandle parse(String json, String source) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // The exception could quote the input; only its type is passed on.
            throw new IllegalStateException("The webhook secret keyset from " + source
                    + " is not a valid Tink JSON keyset (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes a new AES-256-GCM keyset, readable by the owner only. Written to a temporary file first and then linked
     * into place, which fails if another process got there first: a half-written keyset is never read, and two
     * instances starting together end up with the same one.
     */
    private static void generate(Path file) {
        try {
            Files.createDirectories(file.getParent(), directoryAttributes());
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(Files.createFile(temporary, fileAttributes()), json, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temporary);
                log.info("Generated the webhook secret keyset {}", file);
            } catch (FileAlreadyExistsException anotherInstanceWon) {
                log.info("Another instance generated the webhook secret keyset {} first; using it", file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the webhook secret keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a webhook secret keyset", e);
        }
    }

    private static FileAttribute<?>[] fileAttributes() {
        return posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
