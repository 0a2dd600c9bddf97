package io.bankflow.tokenvault.tokens.rotation;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RewrapBenchmark} with the local Tink keyset (rotated in its file). */
@ServiceIntegrationTest
class LocalKeysetRewrapBenchmarkIT extends RewrapBenchmark {

    static final Path KEYSET = Path.of("target/test-secrets/benchmark-" + UUID.randomUUID() + ".keyset.json");

    @DynamicPropertySource
    static void keyset(DynamicPropertyRegistry registry) {
        registry.add("bankflow.token-vault.kek.provider", () -> "local");
        registry.add("bankflow.token-vault.kek.keyset-file", KEYSET::toString);
    }

    @Override
    String kekName() {
        return "local-keyset";
    }

    @Override
    void rotate() throws Exception {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(KEYSET), InsecureSecretKeyAccess.get()));
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary());
        Path copy = KEYSET.resolveSibling(KEYSET.getFileName() + ".new");
        Files.writeString(
                copy, TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get()));
        Files.move(copy, KEYSET, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
