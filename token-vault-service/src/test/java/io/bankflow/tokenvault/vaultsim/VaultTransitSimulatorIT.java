package io.bankflow.tokenvault.vaultsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator against the documented Transit API (api-docs/secret/transit.mdx) and the engine's behaviour in Vault's
 * source (status codes, error strings, batch results, the ciphertext format): what the Vault adapter relies on must be
 * what a real Vault does.
 */
@SuppressWarnings("unchecked")
class VaultTransitSimulatorIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static VaultTransitSimulator vault;

    @BeforeAll
    static void start() {
        vault = VaultTransitSimulator.start();
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    record Answer(int status, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        List<String> errors() {
            return (List<String>) body.get("errors");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> batchResults() {
            return (List<Map<String, Object>>) data().get("batch_results");
        }
    }

    static Answer call(String method, String path, Object body) throws Exception {
        return call(method, path, body, vault.rootToken());
    }

    @SuppressWarnings("unchecked")
    static Answer call(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> parsed =
                response.body().length == 0 ? Map.of() : JSON.readValue(response.body(), Map.class);
        return new Answer(response.statusCode(), parsed);
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String unb64(Object text) {
        return new String(Base64.getDecoder().decode((String) text), StandardCharsets.UTF_8);
    }

    static String newKey(Map<String, Object> settings) throws Exception {
        String name = "key-" + System.nanoTime();
        assertThat(call("POST", "transit/keys/" + name, settings).status()).isEqualTo(200);
        return name;
    }

    @Test
    void refusesRequestsWithoutTheTokenAsPermissionDenied() throws Exception {
        Answer none = call("GET", "transit/keys/anything", null, null);
        Answer wrong = call("POST", "transit/encrypt/anything", Map.of("plaintext", b64("x")), "hvs.wrong");

        assertThat(none.status()).isEqualTo(403);
        assertThat(none.errors()).containsExactly("permission denied");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errors()).containsExactly("permission denied");
    }

    @Test
    void createsAKeyAndReadsItLikeTheDocumentedSample() throws Exception {
        String name = newKey(Map.of());

        Answer read = call("GET", "transit/keys/" + name, null);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data())
                .containsEntry("name", name)
                .containsEntry("type", "aes256-gcm96")
                .containsEntry("derived", false)
                .containsEntry("latest_version", 1)
                .containsEntry("min_decryption_version", 1)
                .containsEntry("min_encryption_version", 0)
                .containsEntry("supports_encryption", true)
                .containsEntry("deletion_allowed", false);
        assertThat((Map<String, Object>) read.data().get("keys")).containsOnlyKeys("1");
    }

    @Test
    void answersAMissingKeyWith404AndAnEmptyErrorList() throws Exception {
        Answer read = call("GET", "transit/keys/no-such-key", null);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.errors()).isEmpty();
    }

    @Test
    void encryptsWithRealAes256GcmInVaultsCiphertextFormat() throws Exception {
        String name = newKey(Map.of("exportable", true));

        Answer encrypted = call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("the quick brown fox")));
        String ciphertext = (String) encrypted.data().get("ciphertext");
        Answer exported = call("GET", "transit/export/encryption-key/" + name + "/1", null);
        @SuppressWarnings("unchecked")
        byte[] key = Base64.getDecoder()
                .decode((String) ((Map<String, Object>) exported.data().get("keys")).get("1"));
        byte[] blob = Base64.getDecoder().decode(ciphertext.substring("vault:v1:".length()));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, blob, 0, 12));

        assertThat(encrypted.status()).isEqualTo(200);
        assertThat(ciphertext).startsWith("vault:v1:");
        assertThat(encrypted.data()).containsEntry("key_version", 1);
        assertThat(key).hasSize(32);
        assertThat(new String(gcm.doFinal(blob, 12, blob.length - 12), StandardCharsets.UTF_8))
                .isEqualTo("the quick brown fox");
        assertThat(unb64(call("POST", "transit/decrypt/" + name, Map.of("ciphertext", ciphertext))
                        .data()
                        .get("plaintext")))
                .isEqualTo("the quick brown fox");
    }

    @Test
    void encryptsNewDataWithTheNewVersionAfterRotationAndStillDecryptsTheOld() throws Exception {
        String name = newKey(Map.of());
        String v1 = (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("old")))
                .data()
                .get("ciphertext");

        Answer rotated = call("POST", "transit/keys/" + name + "/rotate", null);
        String v2 = (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("new")))
                .data()
                .get("ciphertext");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.data()).containsEntry("latest_version", 2);
        assertThat(v2).startsWith("vault:v2:");
        assertThat(unb64(call("POST", "transit/decrypt/" + name, Map.of("ciphertext", v1))
                        .data()
                        .get("plaintext")))
                .isEqualTo("old");
    }

    @Test
    void rewrapsToTheLatestVersionWithoutReturningThePlaintext() throws Exception {
        String name = newKey(Map.of());
        String v1 = (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("secret")))
                .data()
                .get("ciphertext");
        call("POST", "transit/keys/" + name + "/rotate", null);

        Answer rewrapped = call("POST", "transit/rewrap/" + name, Map.of("ciphertext", v1));
        String v2 = (String) rewrapped.data().get("ciphertext");

        assertThat(rewrapped.status()).isEqualTo(200);
        assertThat(rewrapped.data()).containsOnlyKeys("ciphertext", "key_version");
        assertThat(rewrapped.data()).containsEntry("key_version", 2);
        assertThat(v2).startsWith("vault:v2:");
        assertThat(unb64(call("POST", "transit/decrypt/" + name, Map.of("ciphertext", v2))
                        .data()
                        .get("plaintext")))
                .isEqualTo("secret");
    }

    @Test
    void refusesCiphertextBelowMinDecryptionVersionAndHidesThatVersion() throws Exception {
        String name = newKey(Map.of());
        String v1 = (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("old")))
                .data()
                .get("ciphertext");
        call("POST", "transit/keys/" + name + "/rotate", null);

        Answer configured = call("POST", "transit/keys/" + name + "/config", Map.of("min_decryption_version", 2));
        Answer tooOld = call("POST", "transit/decrypt/" + name, Map.of("ciphertext", v1));
        Answer rewrapTooOld = call("POST", "transit/rewrap/" + name, Map.of("ciphertext", v1));
        Answer beyondLatest = call("POST", "transit/keys/" + name + "/config", Map.of("min_decryption_version", 3));
        Answer lowered = call("POST", "transit/keys/" + name + "/config", Map.of("min_decryption_version", "1"));

        assertThat(configured.status()).isEqualTo(200);
        assertThat(configured.data()).containsEntry("min_decryption_version", 2);
        assertThat((Map<String, Object>) configured.data().get("keys")).containsOnlyKeys("2");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.errors())
                .containsExactly("ciphertext or signature version is disallowed by policy (too old)");
        assertThat(rewrapTooOld.status()).isEqualTo(400);
        assertThat(beyondLatest.status()).isEqualTo(400);
        assertThat(beyondLatest.errors())
                .containsExactly("cannot set min decryption version of 3, latest key version is 2");
        // A floor, not erasure: lowering it again makes v1 readable again, as in Vault.
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(call("POST", "transit/decrypt/" + name, Map.of("ciphertext", v1))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void bindsCiphertextOfADerivedKeyToItsContext() throws Exception {
        String name = newKey(Map.of("derived", true));

        Answer withoutContext = call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("x")));
        String ciphertext =
                (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("x"), "context", b64("org-a")))
                        .data()
                        .get("ciphertext");
        Answer sameContext =
                call("POST", "transit/decrypt/" + name, Map.of("ciphertext", ciphertext, "context", b64("org-a")));
        Answer otherContext =
                call("POST", "transit/decrypt/" + name, Map.of("ciphertext", ciphertext, "context", b64("org-b")));

        assertThat(withoutContext.status()).isEqualTo(400);
        assertThat(withoutContext.errors().getFirst()).startsWith("missing 'context' for key derivation");
        assertThat(unb64(sameContext.data().get("plaintext"))).isEqualTo("x");
        assertThat(otherContext.status()).isEqualTo(400);
        assertThat(otherContext.errors()).containsExactly("cipher: message authentication failed");
        assertThat(call("GET", "transit/keys/" + name, null).data()).containsEntry("kdf", "hkdf_sha256");
    }

    @Test
    void answersABatchWithEveryItemsResultAnd400WhenOneFailed() throws Exception {
        String name = newKey(Map.of());

        Answer allGood = call(
                "POST",
                "transit/encrypt/" + name,
                Map.of("batch_input", List.of(Map.of("plaintext", b64("a")), Map.of("plaintext", b64("b")))));
        Answer oneBad = call(
                "POST",
                "transit/decrypt/" + name,
                Map.of(
                        "batch_input",
                        List.of(
                                Map.of(
                                        "ciphertext",
                                        allGood.batchResults().get(0).get("ciphertext"),
                                        "reference",
                                        "r1"),
                                Map.of("ciphertext", "not-vault", "reference", "r2"))));

        assertThat(allGood.status()).isEqualTo(200);
        assertThat(allGood.batchResults())
                .hasSize(2)
                .allSatisfy(result -> assertThat(result).containsKeys("ciphertext", "key_version"));
        assertThat(oneBad.status()).isEqualTo(400);
        assertThat(unb64(oneBad.batchResults().get(0).get("plaintext"))).isEqualTo("a");
        assertThat(oneBad.batchResults().get(0)).containsEntry("reference", "r1");
        assertThat(oneBad.batchResults().get(1))
                .containsEntry("error", "invalid ciphertext: no prefix")
                .containsEntry("reference", "r2");
    }

    @Test
    void answersARewrapBatchWith200AndTheErrorsInTheItems() throws Exception {
        String name = newKey(Map.of());
        String v1 = (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("x")))
                .data()
                .get("ciphertext");
        call("POST", "transit/keys/" + name + "/rotate", null);

        Answer rewrapped = call(
                "POST",
                "transit/rewrap/" + name,
                Map.of("batch_input", List.of(Map.of("ciphertext", v1), Map.of("ciphertext", "vault:v7:AAAA"))));

        assertThat(rewrapped.status()).isEqualTo(200);
        assertThat(rewrapped.batchResults().get(0)).containsEntry("key_version", 2);
        assertThat((String) rewrapped.batchResults().get(0).get("ciphertext")).startsWith("vault:v2:");
        assertThat(rewrapped.batchResults().get(1)).containsEntry("error", "invalid ciphertext: version is too new");
    }

    @Test
    void answersBadInputWithVaultsMessages() throws Exception {
        String name = newKey(Map.of());
        String v1 = (String) call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("x")))
                .data()
                .get("ciphertext");

        assertThat(call("POST", "transit/decrypt/unknown-key", Map.of("ciphertext", v1))
                        .errors())
                .containsExactly("encryption key not found");
        assertThat(call("POST", "transit/rewrap/unknown-key", Map.of("ciphertext", v1))
                        .errors())
                .containsExactly("encryption key not found");
        assertThat(call("POST", "transit/keys/unknown-key/rotate", null).errors())
                .containsExactly("key not found");
        assertThat(call("POST", "transit/decrypt/" + name, Map.of()).errors())
                .containsExactly("missing ciphertext to decrypt");
        assertThat(call("POST", "transit/encrypt/" + name, Map.of()).errors())
                .containsExactly("missing plaintext to encrypt");
        assertThat(call("POST", "transit/encrypt/" + name, Map.of("plaintext", "%%%"))
                        .errors())
                .containsExactly("illegal base64 data at input byte 0");
        assertThat(call("POST", "transit/decrypt/" + name, Map.of("ciphertext", "vault:v9:" + v1.substring(9)))
                        .errors())
                .containsExactly("invalid ciphertext: version is too new");
        assertThat(call("POST", "transit/decrypt/" + name, Map.of("ciphertext", "vault:vx:abc"))
                        .errors())
                .containsExactly("invalid ciphertext: version number could not be decoded");
        Answer tampered = call(
                "POST",
                "transit/decrypt/" + name,
                Map.of("ciphertext", v1.substring(0, v1.length() - 4) + (v1.endsWith("AAA=") ? "BBB=" : "AAA=")));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.errors()).containsExactly("cipher: message authentication failed");
        assertThat(call("GET", "nomount/keys/x", null).status()).isEqualTo(404);
    }

    @Test
    void createsAMissingKeyOnEncryptLikeVaultsUpsert() throws Exception {
        String name = "upserted-" + System.nanoTime();

        Answer encrypted =
                call("POST", "transit/encrypt/" + name, Map.of("plaintext", b64("x"), "context", b64("ctx")));

        assertThat(encrypted.status()).isEqualTo(200);
        assertThat(call("GET", "transit/keys/" + name, null).data())
                .containsEntry("derived", true)
                .containsEntry("latest_version", 1);
    }

    @Test
    void deletesAKeyOnlyWhenDeletionIsAllowed() throws Exception {
        String name = newKey(Map.of());

        Answer refused = call("DELETE", "transit/keys/" + name, null);
        call("POST", "transit/keys/" + name + "/config", Map.of("deletion_allowed", true));
        Answer deleted = call("DELETE", "transit/keys/" + name, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).containsExactly("deletion is not allowed for this key");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(call("GET", "transit/keys/" + name, null).status()).isEqualTo(404);
    }
}
