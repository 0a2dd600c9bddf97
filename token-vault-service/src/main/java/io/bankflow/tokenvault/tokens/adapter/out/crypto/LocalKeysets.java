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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
        return source(properties).get();
    }

    /**
     * The keyset as a source asked on every use: the configured keyset never changes; the file is read again when its
     * size or modification time changed and parsed again only when its content did (a key added and made primary, an
     * old key disabled), so a rotation needs no restart. Replace the file atomically (write a copy, then rename it):
     * a half-written file does not parse, and the keyset before it stays in use.
     *
     * @throws IllegalStateException when the configured keyset or the file is not a Tink JSON keyset
     */
    static Supplier<KeysetHandle> source(KeyEncryptionProperties properties) {
        if (properties.hasConfiguredKeyset()) {
            log.info("Token data keys are wrapped by the keyset of bankflow.token-vault.kek.keyset");
            KeysetHandle keyset = parse(properties.keyset(), "bankflow.token-vault.kek.keyset");
            return () -> keyset;
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
        KeysetFile source = new KeysetFile(file);
        source.get();
        return source;
    }

    /**
     * The keyset file, re-parsed when its content changed. Asked on every wrap and unwrap, so it costs one {@code stat}
     * while the file's size and modification time stay as they were, and a read only when one of them changed.
     */
    private static final class KeysetFile implements Supplier<KeysetHandle> {

        private final Path file;
        private @Nullable FileTime modified;
        private long size = -1;
        private byte @Nullable [] digest;
        private @Nullable KeysetHandle keyset;
        private @Nullable String reported;

        KeysetFile(Path file) {
            this.file = file;
        }

        @Override
        public synchronized KeysetHandle get() {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return keepOrFail(null, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
            }
            if (keyset != null && attributes.lastModifiedTime().equals(modified) && attributes.size() == size) {
                return keyset;
            }
            // Looked at once per change of the file, whether it can be used or not.
            modified = attributes.lastModifiedTime();
            size = attributes.size();
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                return keepOrFail(attributes, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
            }
            try {
                byte[] contentDigest = sha256(content);
                if (keyset == null || !MessageDigest.isEqual(contentDigest, digest)) {
                    KeysetHandle parsed = parse(new String(content, StandardCharsets.UTF_8), file.toString());
                    if (keyset != null) {
                        log.info(
                                "The token vault keyset {} changed; primary key now {}",
                                file,
                                Integer.toUnsignedString(parsed.getPrimary().getId()));
                    }
                    keyset = parsed;
                    digest = contentDigest;
                }
                reported = null;
                return keyset;
            } catch (IllegalStateException e) {
                return keepOrFail(attributes, "is not a valid Tink JSON keyset", e);
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        }

        /**
         * A keyset file that cannot be used: at startup the service must not start; later, a broken or half-written
         * file must not take every read and write down, so the keyset loaded before stays in use until the file is
         * fixed (said once per change of the file).
         */
        private KeysetHandle keepOrFail(@Nullable BasicFileAttributes attributes, String problem, Exception cause) {
            if (keyset == null) {
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException("Cannot read the token vault keyset " + file, io);
                }
                throw (RuntimeException) cause;
            }
            if (attributes == null) {
                modified = null;
            }
            if (!problem.equals(reported)) {
                log.warn("The token vault keyset {} {}; keeping the keyset loaded before", file, problem);
                reported = problem;
            }
            return keyset;
        }

        private static byte[] sha256(byte[] content) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(content);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
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
