package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bankflow.tokenvault.tokens.KeyEncryptionProperties;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkEnvelopeSealerTest {

    static final String ACCESS = "planted-access-7f3b2c91d0e4";
    static final String REFRESH = "planted-refresh-a91c44e02b7d";
    static final TokenSecrets SECRETS = new TokenSecrets(TokenValue.of(ACCESS), TokenValue.of(REFRESH));

    @TempDir
    Path secrets;

    final TokenBinding acme = new TokenBinding("acme-industries", UUID.randomUUID());

    @BeforeAll
    static void registerTink() throws Exception {
        AeadConfig.register();
    }

    static KeysetHandle newKeyset() throws Exception {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    static TinkEnvelopeSealer sealer(KeysetHandle kek) {
        return new TinkEnvelopeSealer(new LocalKeysetKeyEncryptionKey(kek));
    }

    static TokenValue open(TinkEnvelopeSealer sealer, SealedTokens sealed, TokenBinding binding, SealedField field) {
        return sealer.open(sealed, binding, field);
    }

    @Test
    void opensBothTokensItSealedForTheSameRecord() throws Exception {
        TinkEnvelopeSealer sealer = sealer(newKeyset());

        SealedTokens sealed = sealer.seal(acme, SECRETS);

        assertThat(open(sealer, sealed, acme, SealedField.ACCESS_TOKEN).reveal())
                .isEqualTo(ACCESS);
        assertThat(open(sealer, sealed, acme, SealedField.REFRESH_TOKEN).reveal())
                .isEqualTo(REFRESH);
    }

    @Test
    void keepsNoTokenInClearInAnyCiphertext() throws Exception {
        SealedTokens sealed = sealer(newKeyset()).seal(acme, SECRETS);

        for (byte[] bytes : new byte[][] {
            sealed.accessToken(), sealed.refreshToken(), sealed.dataKey().ciphertext()
        }) {
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain("planted-access")
                    .doesNotContain("planted-refresh");
        }
    }

    @Test
    void givesEveryRecordItsOwnDataKey() throws Exception {
        TinkEnvelopeSealer sealer = sealer(newKeyset());

        SealedTokens first = sealer.seal(acme, SECRETS);
        SealedTokens second = sealer.seal(acme, SECRETS);

        assertThat(first.dataKey().ciphertext()).isNotEqualTo(second.dataKey().ciphertext());
        assertThat(first.accessToken()).isNotEqualTo(second.accessToken());
    }

    @Test
    void refusesACiphertextOpenedForAnotherConnectionOrOrganisation() throws Exception {
        TinkEnvelopeSealer sealer = sealer(newKeyset());
        SealedTokens sealed = sealer.seal(acme, SECRETS);

        TokenBinding otherConnection = new TokenBinding(acme.orgId(), UUID.randomUUID());
        TokenBinding otherOrganisation = new TokenBinding("globex-trading", acme.connectionId());

        assertThatThrownBy(() -> open(sealer, sealed, otherConnection, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(ACCESS);
        assertThatThrownBy(() -> open(sealer, sealed, otherOrganisation, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATokenCiphertextCopiedIntoAnotherRecordOrField() throws Exception {
        TinkEnvelopeSealer sealer = sealer(newKeyset());
        SealedTokens victim = sealer.seal(acme, SECRETS);
        TokenBinding attackerBinding = new TokenBinding("acme-industries", UUID.randomUUID());
        SealedTokens attacker = sealer.seal(attackerBinding, SECRETS);

        // The victim's access token and data key moved into the attacker's row.
        SealedTokens moved = new SealedTokens(victim.dataKey(), victim.accessToken(), null);
        // The victim's access token ciphertext put into its own refresh token column.
        SealedTokens swapped = new SealedTokens(victim.dataKey(), victim.refreshToken(), victim.accessToken());
        // Only the access token moved, under the attacker's own data key.
        SealedTokens spliced = new SealedTokens(attacker.dataKey(), victim.accessToken(), null);

        assertThatThrownBy(() -> open(sealer, moved, attackerBinding, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not unwrap");
        assertThatThrownBy(() -> open(sealer, swapped, acme, SealedField.REFRESH_TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt")
                .hasMessageNotContaining(ACCESS);
        assertThatThrownBy(() -> open(sealer, spliced, attackerBinding, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void refusesATamperedTokenCiphertextOrDataKey() throws Exception {
        TinkEnvelopeSealer sealer = sealer(newKeyset());
        SealedTokens sealed = sealer.seal(acme, SECRETS);

        byte[] access = sealed.accessToken().clone();
        access[access.length - 1] ^= 0x01;
        byte[] dataKey = sealed.dataKey().ciphertext().clone();
        dataKey[dataKey.length / 2] ^= 0x01;
        SealedTokens tamperedToken = new SealedTokens(sealed.dataKey(), access, sealed.refreshToken());
        SealedTokens tamperedKey = new SealedTokens(
                new WrappedDataKey(
                        dataKey, sealed.dataKey().kekId(), sealed.dataKey().kekKeyVersion()),
                sealed.accessToken(),
                sealed.refreshToken());

        assertThatThrownBy(() -> open(sealer, tamperedToken, acme, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> open(sealer, tamperedKey, acme, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recordsWhichKekAndKeyVersionWrappedTheDataKey() throws Exception {
        KeysetHandle kek = newKeyset();

        SealedTokens sealed = sealer(kek).seal(acme, SECRETS);

        assertThat(sealed.dataKey().kekId()).isEqualTo("local-keyset");
        assertThat(sealed.dataKey().kekKeyVersion())
                .isEqualTo(Integer.toUnsignedString(kek.getPrimary().getId()));
    }

    @Test
    void stillOpensRecordsWrappedBeforeTheKekWasRotated() throws Exception {
        KeysetHandle before = newKeyset();
        SealedTokens old = sealer(before).seal(acme, SECRETS);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(before);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary());
        KeysetHandle rotated = builder.build();
        TinkEnvelopeSealer after = sealer(rotated);

        SealedTokens fresh = after.seal(acme, SECRETS);

        assertThat(open(after, old, acme, SealedField.ACCESS_TOKEN).reveal()).isEqualTo(ACCESS);
        assertThat(fresh.dataKey().kekKeyVersion())
                .isEqualTo(Integer.toUnsignedString(rotated.getPrimary().getId()))
                .isNotEqualTo(old.dataKey().kekKeyVersion());
    }

    @Test
    void refusesADataKeyWrappedByAnotherKek() throws Exception {
        SealedTokens sealed = sealer(newKeyset()).seal(acme, SECRETS);
        SealedTokens fromVault = new SealedTokens(
                new WrappedDataKey(sealed.dataKey().ciphertext(), "vault-transit:token-vault", "3"),
                sealed.accessToken(),
                null);

        assertThatThrownBy(() -> open(sealer(newKeyset()), sealed, acme, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> open(sealer(newKeyset()), fromVault, acme, SealedField.ACCESS_TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vault-transit:token-vault");
    }

    @Test
    void saysSoWhenThereIsNoRefreshToken() throws Exception {
        TinkEnvelopeSealer sealer = sealer(newKeyset());
        SealedTokens sealed = sealer.seal(acme, new TokenSecrets(TokenValue.of(ACCESS), null));

        assertThat(sealed.refreshToken()).isNull();
        assertThatThrownBy(() -> open(sealer, sealed, acme, SealedField.REFRESH_TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no refresh_token");
    }

    @Test
    void generatesTheKeysetFileOnceReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        Path file = secrets.resolve("nested/token-vault.keyset.json");
        KeyEncryptionProperties properties = KeyEncryptionProperties.local(null, file);

        SealedTokens sealed = sealer(LocalKeysets.load(properties)).seal(acme, SECRETS);
        String keyset = Files.readString(file);
        TinkEnvelopeSealer restarted = sealer(LocalKeysets.load(properties));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file)).isEqualTo(keyset);
        assertThat(open(restarted, sealed, acme, SealedField.ACCESS_TOKEN).reveal())
                .isEqualTo(ACCESS);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void usesAConfiguredKeysetInsteadOfTheFile() throws Exception {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(newKeyset(), InsecureSecretKeyAccess.get());
        Path unused = secrets.resolve("unused.json");
        KeyEncryptionProperties properties = KeyEncryptionProperties.local(json, unused);

        SealedTokens sealed = sealer(LocalKeysets.load(properties)).seal(acme, SECRETS);

        assertThat(Files.exists(unused)).isFalse();
        assertThat(open(sealer(LocalKeysets.load(properties)), sealed, acme, SealedField.ACCESS_TOKEN)
                        .reveal())
                .isEqualTo(ACCESS);
    }

    @Test
    void refusesToStartWithAKeysetThatDoesNotParseWithoutQuotingIt() {
        KeyEncryptionProperties broken = KeyEncryptionProperties.local("{\"primaryKeyId\": 7, \"oops\"", secrets);

        assertThatThrownBy(() -> LocalKeysets.load(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bankflow.token-vault.kek.keyset")
                .hasMessageNotContaining("oops");
        assertThat(broken.toString()).doesNotContain("oops");
    }
}
