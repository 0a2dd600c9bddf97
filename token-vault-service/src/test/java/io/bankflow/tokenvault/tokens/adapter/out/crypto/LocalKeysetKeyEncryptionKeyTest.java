package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.tokenvault.tokens.KeyEncryptionProperties;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey.Rewrap;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey.Rewrapped;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation of the local keyset KEK: a key added and made primary in the keyset file, rewrap, the old key retired. */
class LocalKeysetKeyEncryptionKeyTest {

    static final byte[] DATA_KEY = "a-data-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final byte[] ACME = "acme-industries|c1|data_key".getBytes(StandardCharsets.UTF_8);
    static final byte[] GLOBEX = "globex-trading|c1|data_key".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path secrets;

    @BeforeAll
    static void registerTink() throws Exception {
        AeadConfig.register();
    }

    /** What an operator does: add a new key to the keyset file and make it primary, replacing the file atomically. */
    static KeysetHandle rotate(Path file) throws Exception {
        KeysetHandle before =
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(before);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary());
        KeysetHandle after = builder.build();
        write(file, after);
        return after;
    }

    static void disable(Path file, int keyId) throws Exception {
        KeysetHandle keyset =
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = 0; i < builder.size(); i++) {
            if (keyset.getAt(i).getId() == keyId) {
                builder.getAt(i).setStatus(KeyStatus.DISABLED);
            }
        }
        write(file, builder.build());
    }

    static void write(Path file, KeysetHandle keyset) throws Exception {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void picksUpAKeyAddedToTheKeysetFileAndRewrapsOntoIt() throws Exception {
        Path file = secrets.resolve("token-vault.keyset.json");
        LocalKeysetKeyEncryptionKey kek =
                new LocalKeysetKeyEncryptionKey(LocalKeysets.source(KeyEncryptionProperties.local(null, file)));
        String before = kek.currentKeyVersion();
        WrappedDataKey old = kek.wrap(DATA_KEY, ACME);

        KeysetHandle rotated = rotate(file);
        String after = kek.currentKeyVersion();
        List<Rewrapped> results = kek.rewrap(List.of(new Rewrap(old, ACME), new Rewrap(old, GLOBEX)));

        assertThat(after)
                .isEqualTo(Integer.toUnsignedString(rotated.getPrimary().getId()))
                .isNotEqualTo(before);
        assertThat(kek.unwrap(old, ACME)).isEqualTo(DATA_KEY);
        assertThat(results.get(0).wrapped().kekKeyVersion()).isEqualTo(after);
        assertThat(kek.unwrap(results.get(0).wrapped(), ACME)).isEqualTo(DATA_KEY);
        assertThat(results.get(1).wrapped()).isNull();
        assertThat(results.get(1).failure()).contains("does not unwrap");
        assertThat(kek.wrap(DATA_KEY, ACME).kekKeyVersion()).isEqualTo(after);
    }

    @Test
    void opensOnlyRewrappedDataKeysOnceTheOldKeyIsDisabled() throws Exception {
        Path file = secrets.resolve("token-vault.keyset.json");
        LocalKeysetKeyEncryptionKey kek =
                new LocalKeysetKeyEncryptionKey(LocalKeysets.source(KeyEncryptionProperties.local(null, file)));
        int oldKey = Integer.parseUnsignedInt(kek.currentKeyVersion());
        WrappedDataKey rewrappedLater = kek.wrap(DATA_KEY, ACME);
        WrappedDataKey leftBehind = kek.wrap(DATA_KEY, GLOBEX);
        rotate(file);
        kek.currentKeyVersion();
        WrappedDataKey rewrapped =
                kek.rewrap(List.of(new Rewrap(rewrappedLater, ACME))).getFirst().wrapped();

        disable(file, oldKey);
        kek.currentKeyVersion();

        assertThat(kek.unwrap(rewrapped, ACME)).isEqualTo(DATA_KEY);
        assertThatThrownBy(() -> kek.unwrap(leftBehind, GLOBEX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not unwrap");
    }

    @Test
    void keepsTheKeysetItHasWhenTheFileIsBrokenOrGone() throws Exception {
        Path file = secrets.resolve("token-vault.keyset.json");
        LocalKeysetKeyEncryptionKey kek =
                new LocalKeysetKeyEncryptionKey(LocalKeysets.source(KeyEncryptionProperties.local(null, file)));
        String version = kek.currentKeyVersion();
        WrappedDataKey wrapped = kek.wrap(DATA_KEY, ACME);

        Files.writeString(file, "{\"primaryKeyId\": 1, \"half-writ");
        String whileBroken = kek.currentKeyVersion();
        byte[] unwrappedWhileBroken = kek.unwrap(wrapped, ACME);
        Files.delete(file);
        byte[] unwrappedWhileGone = kek.unwrap(kek.wrap(DATA_KEY, ACME), ACME);

        assertThat(whileBroken).isEqualTo(version);
        assertThat(unwrappedWhileBroken).isEqualTo(DATA_KEY);
        assertThat(unwrappedWhileGone).isEqualTo(DATA_KEY);
    }

    @Test
    void keepsTheLoadedKeysetWhenTheFileIsUnchanged() throws Exception {
        Path file = secrets.resolve("token-vault.keyset.json");
        var source = LocalKeysets.source(KeyEncryptionProperties.local(null, file));

        assertThat(source.get()).isSameAs(source.get());
    }
}
