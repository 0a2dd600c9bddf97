package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import io.bankflow.tokenvault.tokens.VaultTransitProperties;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonArray;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KeyEncryptionKey} with a HashiCorp Vault Transit key, through the Vault Java driver ({@code
 * io.github.jopenlibs:vault-java-driver}, ADR 0010). The data key travels to Vault to be wrapped or unwrapped (base64
 * in the request, TLS in production); its wrapped form is Vault's ciphertext {@code vault:v<N>:<base64>}, stored as
 * UTF-8, with {@code N} as the key version. Each data key's binding goes along as the derivation {@code context} of a
 * derived key, so Vault refuses to unwrap it for another record. Rotation is Vault's {@code keys/<name>/rotate}; {@link
 * #rewrap} uses the {@code rewrap} endpoint in batches, which re-encrypts inside Vault and never returns a data key.
 *
 * <p>Nothing from Vault's answers but its error strings (e.g. {@code cipher: message authentication failed}) ends up in
 * an exception message, and the token never does.
 */
final class VaultTransitKeyEncryptionKey implements KeyEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(VaultTransitKeyEncryptionKey.class);
    private static final Pattern CIPHERTEXT_VERSION = Pattern.compile("^vault:v(\\d+):");
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();
    private static final int RETRIES = 2;
    private static final int RETRY_INTERVAL_MILLIS = 200;

    private final String id;
    private final String address;
    private final String keyPath;
    private final String encryptPath;
    private final String decryptPath;
    private final String rewrapPath;
    private final String keyName;
    private final int openTimeoutSeconds;
    private final int readTimeoutSeconds;
    private final TokenSource tokens;
    // One client for every call: the driver builds a new HttpClient per request unless it is given one.
    private final HttpClient http;
    private volatile @Nullable Connected connected;

    private VaultTransitKeyEncryptionKey(VaultTransitProperties properties, URI address) {
        String mount = trimSlashes(properties.mount());
        this.keyName = properties.keyName();
        this.id = "vault-transit:" + mount + "/" + keyName;
        this.address = address.toString().replaceAll("/+$", "");
        this.keyPath = mount + "/keys/" + keyName;
        this.encryptPath = mount + "/encrypt/" + keyName;
        this.decryptPath = mount + "/decrypt/" + keyName;
        this.rewrapPath = mount + "/rewrap/" + keyName;
        this.openTimeoutSeconds = seconds(properties.connectTimeout());
        this.readTimeoutSeconds = seconds(properties.readTimeout());
        this.tokens = TokenSource.of(properties);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /**
     * Connects to the Transit key: reads it (creating it when it is missing and {@code create-key} says so) and checks
     * that it is a derived AES-GCM key.
     *
     * @param properties the settings
     * @return the KEK
     * @throws IllegalStateException when Vault cannot be reached, refuses the token, or the key is missing or unfit
     */
    static VaultTransitKeyEncryptionKey connect(VaultTransitProperties properties) {
        URI address = properties.address();
        if (address == null || address.toString().isBlank()) {
            throw new IllegalStateException("bankflow.token-vault.kek.vault-transit.address (BANKFLOW_VAULT_ADDR) must"
                    + " be set when bankflow.token-vault.kek.provider=vault-transit");
        }
        VaultTransitKeyEncryptionKey kek = new VaultTransitKeyEncryptionKey(properties, address);
        JsonObject key = kek.readKey();
        if (key == null && properties.createKey()) {
            kek.call(
                    "create key", kek.keyPath, Map.<String, Object>of("type", "aes256-gcm96", "derived", Boolean.TRUE));
            log.info("Created Vault Transit key {} (aes256-gcm96, derived)", kek.id);
            key = kek.readKey();
        }
        if (key == null) {
            throw new IllegalStateException("Vault Transit key " + kek.id + " does not exist at " + kek.address
                    + "; create it (type aes256-gcm96, derived=true) or set create-key=true");
        }
        if (!key.getBoolean("derived", false) || !key.getString("type", "").startsWith("aes")) {
            throw new IllegalStateException("Vault Transit key " + kek.id + " must be a derived AES-GCM key"
                    + " (derived=true): data keys are bound to their record through the derivation context");
        }
        log.info(
                "Token data keys are wrapped by Vault Transit key {} at {} (latest version {})",
                kek.id,
                kek.address,
                key.getInt("latest_version", 0));
        return kek;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String currentKeyVersion() {
        JsonObject key = readKey();
        if (key == null) {
            throw new IllegalStateException("Vault Transit key " + id + " is gone");
        }
        return Integer.toString(key.getInt("latest_version", 0));
    }

    @Override
    public WrappedDataKey wrap(byte[] dataKey, byte[] associatedData) {
        JsonObject data = call(
                "encrypt",
                encryptPath,
                Map.<String, Object>of(
                        "plaintext", BASE64.encodeToString(dataKey), "context", BASE64.encodeToString(associatedData)));
        return wrapped(data.getString("ciphertext", ""));
    }

    @Override
    public byte[] unwrap(WrappedDataKey wrapped, byte[] associatedData) {
        if (!id.equals(wrapped.kekId())) {
            throw new IllegalStateException("The data key was wrapped by KEK '" + wrapped.kekId()
                    + "', which this service is not configured with");
        }
        Answer answer = send(
                "decrypt",
                decryptPath,
                Map.<String, Object>of(
                        "ciphertext",
                        new String(wrapped.ciphertext(), StandardCharsets.UTF_8),
                        "context",
                        BASE64.encodeToString(associatedData)));
        if (answer.status() != 200 || answer.data() == null) {
            throw new IllegalStateException("The data key (Vault Transit key " + keyName + " version "
                    + wrapped.kekKeyVersion() + ") does not unwrap: " + answer.describe());
        }
        return BASE64_DECODER.decode(answer.data().getString("plaintext", ""));
    }

    @Override
    public List<Rewrapped> rewrap(List<Rewrap> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        JsonArray items = new JsonArray();
        for (Rewrap item : batch) {
            if (!id.equals(item.wrapped().kekId())) {
                throw new IllegalArgumentException("Only data keys of " + id + " can be rewrapped by it");
            }
            items.add(Json.object()
                    .add("ciphertext", new String(item.wrapped().ciphertext(), StandardCharsets.UTF_8))
                    .add("context", BASE64.encodeToString(item.associatedData())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch_input", items);
        Answer answer = send("rewrap", rewrapPath, body);
        // Every item's result is in batch_results, also when some failed (Vault answers 200 then; some versions 400).
        JsonValue results = answer.data() == null ? null : answer.data().get("batch_results");
        if (results == null || !results.isArray() || results.asArray().size() != batch.size()) {
            throw new IllegalStateException(
                    "Vault Transit refused to rewrap with key " + id + ": " + answer.describe());
        }
        List<Rewrapped> rewrapped = new ArrayList<>(batch.size());
        for (JsonValue result : results.asArray()) {
            JsonObject item = result.asObject();
            String error = item.getString("error", "");
            rewrapped.add(
                    error.isEmpty()
                            ? Rewrapped.to(wrapped(item.getString("ciphertext", "")))
                            : Rewrapped.failed("Vault Transit: " + error));
        }
        return rewrapped;
    }

    private WrappedDataKey wrapped(String ciphertext) {
        Matcher version = CIPHERTEXT_VERSION.matcher(ciphertext);
        if (!version.find()) {
            throw new IllegalStateException("Vault Transit answered a ciphertext that is not vault:v<N>:...");
        }
        return new WrappedDataKey(ciphertext.getBytes(StandardCharsets.UTF_8), id, version.group(1));
    }

    /** @return the key's description, or null when it does not exist */
    private @Nullable JsonObject readKey() {
        Answer answer = exchange("read key", vault -> vault.logical().read(keyPath));
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() != 200 || answer.data() == null) {
            throw new IllegalStateException("Vault Transit key " + id + " cannot be read: " + answer.describe());
        }
        return answer.data();
    }

    /** A write that must succeed. */
    private JsonObject call(String operation, String path, Map<String, Object> body) {
        Answer answer = send(operation, path, body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(
                    "Vault Transit refused to " + operation + " with key " + id + ": " + answer.describe());
        }
        return answer.data() == null ? Json.object() : answer.data();
    }

    private Answer send(String operation, String path, Map<String, Object> body) {
        return exchange(operation, vault -> vault.logical().write(path, body));
    }

    private interface Exchange {
        LogicalResponse run(Vault vault) throws VaultException;
    }

    private Answer exchange(String operation, Exchange exchange) {
        try {
            LogicalResponse response = exchange.run(vault());
            int status = response.getRestResponse().getStatus();
            return Answer.of(status, response.getRestResponse().getBody());
        } catch (VaultException e) {
            // Not chained: the driver's message quotes Vault's whole answer. The status says what matters.
            Throwable cause = e.getCause();
            throw new IllegalStateException("Vault Transit at " + address + " failed to " + operation
                    + (e.getHttpStatusCode() > 0
                            ? " (HTTP " + e.getHttpStatusCode() + ")"
                            : " ("
                                    + (cause == null
                                            ? "no answer"
                                            : cause.getClass().getSimpleName()) + ")"));
        }
    }

    /** The driver's client for the current token (renewed when the token file changes). */
    private Vault vault() {
        String token = tokens.token();
        Connected current = connected;
        if (current == null || !current.token().equals(token)) {
            try {
                VaultConfig config = new VaultConfig()
                        .environmentLoader(new NoEnvironment())
                        .address(address)
                        .token(token)
                        .engineVersion(1)
                        .openTimeout(openTimeoutSeconds)
                        .readTimeout(readTimeoutSeconds)
                        .httpClient(http)
                        .build();
                // Engine version 1: the driver must not rewrite paths for the KV version 2 engine.
                current = new Connected(token, Vault.create(config, 1).withRetries(RETRIES, RETRY_INTERVAL_MILLIS));
            } catch (VaultException e) {
                throw new IllegalStateException("The Vault Transit settings are not usable (" + address + ")");
            }
            connected = current;
        }
        return current.vault();
    }

    private record Connected(String token, Vault vault) {
        @Override
        public String toString() {
            return "Connected[token=(redacted)]";
        }
    }

    /** What Vault answered: the status, {@code data} and {@code errors} (never the whole body, which may be a key). */
    private record Answer(int status, @Nullable JsonObject data, List<String> errors) {

        static Answer of(int status, byte[] body) {
            JsonObject data = null;
            List<String> errors = new ArrayList<>();
            try {
                JsonValue parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
                if (parsed.isObject()) {
                    JsonValue dataValue = parsed.asObject().get("data");
                    if (dataValue != null && dataValue.isObject()) {
                        data = dataValue.asObject();
                    }
                    JsonValue errorsValue = parsed.asObject().get("errors");
                    if (errorsValue != null && errorsValue.isArray()) {
                        for (JsonValue error : errorsValue.asArray()) {
                            errors.add(error.isString() ? error.asString() : error.toString());
                        }
                    }
                }
            } catch (RuntimeException notJson) {
                // An empty body (204) or a proxy's error page: only the status is worth telling.
            }
            return new Answer(status, data, errors);
        }

        String describe() {
            return "HTTP " + status + (errors.isEmpty() ? "" : " " + errors);
        }

        @Override
        public String toString() {
            return "Answer[" + describe() + "]";
        }
    }

    /** Keeps the driver from reading VAULT_ADDR / VAULT_TOKEN behind the configuration's back. */
    private static final class NoEnvironment extends EnvironmentLoader {
        @Override
        public @Nullable String loadVariable(String name) {
            return null;
        }
    }

    /** The Vault token: configured, or read from a file when the file changed. */
    private abstract static class TokenSource {

        abstract String token();

        static TokenSource of(VaultTransitProperties properties) {
            if (properties.hasConfiguredToken()) {
                String token = properties.token().strip();
                return new TokenSource() {
                    @Override
                    String token() {
                        return token;
                    }
                };
            }
            Path file = properties.tokenFile();
            if (file == null) {
                throw new IllegalStateException("Set bankflow.token-vault.kek.vault-transit.token"
                        + " (BANKFLOW_VAULT_TOKEN) or .token-file (BANKFLOW_VAULT_TOKEN_FILE) for Vault Transit");
            }
            return new TokenFile(file.toAbsolutePath());
        }
    }

    private static final class TokenFile extends TokenSource {

        private final Path file;
        private @Nullable FileTime modified;
        private @Nullable String token;

        TokenFile(Path file) {
            this.file = file;
        }

        @Override
        synchronized String token() {
            try {
                FileTime now = Files.getLastModifiedTime(file);
                if (token == null || !now.equals(modified)) {
                    String read = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (read.isEmpty()) {
                        throw new IllegalStateException("The Vault token file " + file + " is empty");
                    }
                    token = read;
                    modified = now;
                }
                return token;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Vault token file " + file, e);
            }
        }
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.ceilDiv(duration.toMillis(), 1000));
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
