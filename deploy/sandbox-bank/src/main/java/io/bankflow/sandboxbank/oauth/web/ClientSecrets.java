package io.bankflow.sandboxbank.oauth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Where TPP client secrets come from, the way deploy/dev-issuer does it: an explicit secret (from the environment)
 * wins; otherwise it is read from {@code <secretsDir>/<file>}, and generated into that file (owner-only) the first
 * time. The local stack and Bankflow's connection settings read the same file. No secret lives in the repository.
 */
final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path secretsDir;

    ClientSecrets(Path secretsDir) {
        this.secretsDir = secretsDir;
    }

    String secretFor(String clientId, @Nullable String configured, @Nullable String fileName) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String name = fileName != null && !fileName.isBlank() ? fileName : "sandbox-bank-" + clientId + ".secret";
        Path file = secretsDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            return generateInto(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the client secret file " + file, e);
        }
    }

    private static String generateInto(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        Files.writeString(file, secret, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
    }
}
