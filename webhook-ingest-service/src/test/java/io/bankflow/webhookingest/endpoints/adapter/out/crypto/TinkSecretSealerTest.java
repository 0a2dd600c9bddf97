package io.bankflow.webhookingest.endpoints.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.webhookingest.endpoints.WebhookSecretsProperties;
import io.bankflow.webhookingest.endpoints.domain.SealedSecret;
import io.bankflow.webhookingest.endpoints.domain.SecretBinding;
import io.bankflow.webhookingest.providers.domain.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkSecretSealerTest {

    static final SigningSecret SECRET = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @TempDir
    Path secrets;

    @BeforeAll
    static void registerTink() throws Exception {
        AeadConfig.register(); // the tests generate keysets of their own, before any sealer does
    }

    TinkSecretSealer sealer(WebhookSecretsProperties properties) throws Exception {
        return new SecretSealingConfiguration().tinkSecretSealer(properties);
    }

    TinkSecretSealer sealerWithGeneratedKeyset() throws Exception {
        return sealer(new WebhookSecretsProperties(null, secrets.resolve("webhook-ingest.keyset.json")));
    }

    @Test
    void opensWhatItSealedForTheSameEndpoint() throws Exception {
        TinkSecretSealer sealer = sealerWithGeneratedKeyset();
        SecretBinding binding = new SecretBinding("acme-industries", UUID.randomUUID());

        SealedSecret sealed = sealer.seal(SECRET, binding);

        assertThat(sealed.schemeVersion()).isEqualTo(TinkSecretSealer.SCHEME_VERSION);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain("MfKQ9r8GKYqrTwjUPD8IL");
        assertThat(sealer.open(sealed, binding).sameAs(SECRET)).isTrue();
    }

    @Test
    void refusesToOpenACiphertextMovedToAnotherEndpointOrOrganisation() throws Exception {
        TinkSecretSealer sealer = sealerWithGeneratedKeyset();
        UUID endpoint = UUID.randomUUID();
        SealedSecret sealed = sealer.seal(SECRET, new SecretBinding("acme-industries", endpoint));

        assertThatThrownBy(() -> sealer.open(sealed, new SecretBinding("acme-industries", UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt")
                .hasMessageNotContaining("MfKQ9r8");
        assertThatThrownBy(() -> sealer.open(sealed, new SecretBinding("globex-trading", endpoint)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() throws Exception {
        TinkSecretSealer sealer = sealerWithGeneratedKeyset();
        SecretBinding binding = new SecretBinding("acme-industries", UUID.randomUUID());

        assertThat(sealer.seal(SECRET, binding)).isNotEqualTo(sealer.seal(SECRET, binding));
    }

    @Test
    void generatesTheKeysetFileOnceReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        Path file = secrets.resolve("nested/webhook-ingest.keyset.json");
        WebhookSecretsProperties properties = new WebhookSecretsProperties("", file);
        SecretBinding binding = new SecretBinding("acme-industries", UUID.randomUUID());

        SealedSecret sealed = sealer(properties).seal(SECRET, binding);
        String keyset = Files.readString(file);
        TinkSecretSealer restarted = sealer(properties);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file)).isEqualTo(keyset);
        assertThat(restarted.open(sealed, binding).sameAs(SECRET)).isTrue();
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file); // no temporary files left behind
        }
    }

    @Test
    void usesAConfiguredKeysetInsteadOfTheFile() throws Exception {
        String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        Path unused = secrets.resolve("unused.json");
        SecretBinding binding = new SecretBinding("acme-industries", UUID.randomUUID());

        SealedSecret sealed =
                sealer(new WebhookSecretsProperties(keyset, unused)).seal(SECRET, binding);

        assertThat(Files.exists(unused)).isFalse();
        assertThat(sealer(new WebhookSecretsProperties(keyset, unused))
                        .open(sealed, binding)
                        .sameAs(SECRET))
                .isTrue();
        assertThatThrownBy(() -> sealerWithGeneratedKeyset().open(sealed, binding))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWithAKeysetThatDoesNotParseWithoutQuotingIt() {
        assertThatThrownBy(() -> sealer(new WebhookSecretsProperties("{\"primaryKeyId\": 7, \"oops\"", secrets)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bankflow.webhooks.secret-keyset")
                .hasMessageNotContaining("oops");
    }

    @Test
    void neverPrintsAConfiguredKeyset() {
        assertThat(new WebhookSecretsProperties("{\"key\":\"material\"}", secrets).toString())
                .doesNotContain("material");
    }
}
