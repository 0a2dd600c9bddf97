package io.bankflow.devissuer;

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

/**
 * Where demo client secrets come from. No secret lives in a file of the repository: an explicit secret (from the
 * environment) wins; otherwise the secret is read from {@code <secretsDir>/<clientId>.secret}, and generated into
 * that file (owner-only permissions) the first time. The local stack and the tests read the same file.
 */
final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path secretsDir;

    ClientSecrets(Path secretsDir) {
        this.secretsDir = secretsDir;
    }

    String secretFor(DevIssuerProperties.DemoClient client) {
        if (client.secret() != null && !client.secret().isBlank()) {
            return client.secret();
        }
        Path file = secretsDir.resolve(client.clientId() + ".secret");
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
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: its secret is the one in use.
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        Files.writeString(file, secret, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
    }
}
