package io.bankflow.tokenvault.tokens.rotation;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DataKeyRotationContract} with the local Tink keyset: the keyset file gets a new primary key (the service picks
 * it up without a restart), old keys are retired by disabling them.
 */
@ServiceIntegrationTest(properties = "bankflow.token-vault.rewrap.batch-size=" + DataKeyRotationContract.BATCH_SIZE)
class LocalKeysetRotationIT extends DataKeyRotationContract {

    static final Path KEYSET = Path.of("target/test-secrets/rotation-" + UUID.randomUUID() + ".keyset.json");

    @DynamicPropertySource
    static void keyset(DynamicPropertyRegistry registry) {
        registry.add("bankflow.token-vault.kek.provider", () -> "local");
        registry.add("bankflow.token-vault.kek.keyset-file", KEYSET::toString);
    }

    static void edit(Consumer<KeysetHandle.Builder> change) throws Exception {
        KeysetHandle keyset =
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(KEYSET), InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        change.accept(builder);
        // As an operator should: a complete copy, renamed over the old file.
        Path copy = KEYSET.resolveSibling(KEYSET.getFileName() + ".new");
        Files.writeString(
                copy, TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get()));
        Files.move(copy, KEYSET, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    void rotate() throws Exception {
        edit(builder -> builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary()));
    }

    @Override
    void retireOldVersions() throws Exception {
        edit(builder -> {
            for (int i = 0; i < builder.size(); i++) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.getAt(i).setStatus(KeyStatus.DISABLED);
                }
            }
        });
    }

    @Override
    void restoreOldVersions() throws Exception {
        edit(builder -> {
            for (int i = 0; i < builder.size(); i++) {
                builder.getAt(i).setStatus(KeyStatus.ENABLED);
            }
        });
    }
}
