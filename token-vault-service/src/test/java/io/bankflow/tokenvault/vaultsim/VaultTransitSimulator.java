package io.bankflow.tokenvault.vaultsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bankflow.tokenvault.vaultsim.TransitKey.Encrypted;
import io.bankflow.tokenvault.vaultsim.TransitKey.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulation of HashiCorp Vault's Transit secrets engine HTTP API (website/content/api-docs/secret/transit.mdx and the
 * engine's behaviour in builtin/logical/transit), for tests and local runs where no Vault server can be installed. A
 * real HTTP server on a loopback port with real AES-GCM; keys live in memory.
 *
 * <p>Simulated, at {@code /v1/<mount>/...} of every mount given: {@code keys/:name} (create, read, delete, and {@code
 * LIST keys}), {@code keys/:name/rotate}, {@code keys/:name/config} ({@code min_decryption_version}, {@code
 * min_encryption_version}, {@code deletion_allowed}), {@code encrypt/:name} (with upsert of a missing key), {@code
 * decrypt/:name} and {@code rewrap/:name}, each with {@code context}, {@code key_version} and {@code batch_input}
 * (encrypt and decrypt also {@code associated_data}; a failed batch item makes encrypt and decrypt answer 400 with
 * every item's result, rewrap 200), and {@code export/encryption-key/:name(/:version)}
 * of exportable keys. Key types {@code aes256-gcm96} and {@code aes128-gcm96}, derived or not. {@code GET
 * /v1/sys/health}. Every other request needs {@code X-Vault-Token} (403 {@code permission denied} otherwise); errors
 * are {@code {"errors":[...]}} with Vault's messages and status codes.
 *
 * <p>Not simulated: policies (one root token can do everything), convergent encryption, asymmetric keys, signing,
 * HMAC, datakey, backup/restore, trim, auto-rotation.
 */
public final class VaultTransitSimulator implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> mounts;
    private final String rootToken;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, TransitKey> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong requests = new AtomicLong();

    private VaultTransitSimulator(int port, String token, Set<String> mounts) throws IOException {
        this.mounts = Set.copyOf(mounts);
        this.rootToken = token;
        this.tokens.add(token);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a simulator on a free loopback port with a random root token and Transit mounted at {@code transit}.
     *
     * @return the running simulator
     */
    public static VaultTransitSimulator start() {
        return start(0, "hvs." + UUID.randomUUID().toString().replace("-", ""), Set.of("transit"));
    }

    /**
     * @param port the loopback port; 0 for a free one
     * @param token the root token
     * @param mounts the paths Transit is mounted at
     * @return the running simulator
     */
    public static VaultTransitSimulator start(int port, String token, Set<String> mounts) {
        try {
            return new VaultTransitSimulator(port, token, mounts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Vault Transit simulator", e);
        }
    }

    /** @return e.g. {@code http://127.0.0.1:41234} */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the root token */
    public String rootToken() {
        return rootToken;
    }

    /** @param token a further token that may call the API (e.g. the service's, next to the root token) */
    public void addToken(String token) {
        tokens.add(token);
    }

    /** @param token a token that may no longer call the API */
    public void revokeToken(String token) {
        tokens.remove(token);
    }

    /** @return how many HTTP requests were answered */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    @Override
    public String toString() {
        return "VaultTransitSimulator[" + address() + "]";
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Response response;
            try {
                response = route(exchange);
            } catch (UserError e) {
                response = Response.errors(400, e.getMessage());
            } catch (RuntimeException e) {
                response = Response.errors(500, "1 error occurred:\n\t* internal error\n\n");
            }
            byte[] body = response.body() == null ? new byte[0] : JSON.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(response.status(), response.status() == 204 ? -1 : body.length);
            if (response.status() != 204) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private record Response(int status, Object body) {

        static Response errors(int status, String... errors) {
            return new Response(status, Map.of("errors", List.of(errors)));
        }

        static Response data(int status, Map<String, Object> data, List<String> warnings) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("request_id", UUID.randomUUID().toString());
            body.put("lease_id", "");
            body.put("renewable", false);
            body.put("lease_duration", 0);
            body.put("data", data);
            body.put("wrap_info", null);
            body.put("warnings", warnings.isEmpty() ? null : warnings);
            body.put("auth", null);
            return new Response(status, body);
        }

        static Response ok(Map<String, Object> data) {
            return data(200, data, List.of());
        }
    }

    private Response route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith("/v1/")) {
            return Response.errors(404);
        }
        String route = path.substring("/v1/".length()).replaceAll("/+$", "");
        if (route.equals("sys/health")) {
            return new Response(200, Map.of("initialized", true, "sealed", false, "standby", false));
        }
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        if (token == null || !tokens.contains(token)) {
            return Response.errors(403, "permission denied");
        }
        String mount = mounts.stream()
                .filter(m -> route.equals(m) || route.startsWith(m + "/"))
                .findFirst()
                .orElse(null);
        if (mount == null) {
            return Response.errors(404, "no handler for route \"" + route + "\". route entry not found.");
        }
        String[] parts = route.substring(mount.length()).replaceAll("^/", "").split("/");
        boolean list = method.equals("LIST")
                || (method.equals("GET") && "true".equals(query(exchange).get("list")));
        boolean write = method.equals("POST") || method.equals("PUT");
        if (parts.length == 1 && parts[0].equals("keys") && list) {
            List<String> names = new ArrayList<>(new TreeSet<>(keyNames(mount)));
            return names.isEmpty() ? Response.errors(404) : Response.ok(Map.of("keys", names));
        }
        if (parts.length == 2 && parts[0].equals("keys")) {
            return switch (method) {
                case "GET" -> readKey(mount, parts[1]);
                case "POST", "PUT" -> createKey(mount, parts[1], body(exchange));
                case "DELETE" -> deleteKey(mount, parts[1]);
                default -> unsupportedOperation();
            };
        }
        if (parts.length == 3 && parts[0].equals("keys") && write) {
            return switch (parts[2]) {
                case "rotate" -> rotate(mount, parts[1]);
                case "config" -> configure(mount, parts[1], body(exchange));
                default -> unsupportedPath();
            };
        }
        if (parts.length == 2 && write) {
            return switch (parts[0]) {
                case "encrypt" -> encrypt(mount, parts[1], body(exchange));
                case "decrypt" -> decrypt(mount, parts[1], body(exchange));
                case "rewrap" -> rewrap(mount, parts[1], body(exchange));
                default -> unsupportedPath();
            };
        }
        if ((parts.length == 3 || parts.length == 4)
                && parts[0].equals("export")
                && parts[1].equals("encryption-key")
                && method.equals("GET")) {
            TransitKey key = keys.get(mount + "/" + parts[2]);
            if (key == null) {
                return Response.errors(404);
            }
            return Response.ok(key.export(parts.length == 4 ? parts[3] : ""));
        }
        return unsupportedPath();
    }

    private static Response unsupportedPath() {
        return Response.errors(404, "1 error occurred:\n\t* unsupported path\n\n");
    }

    private static Response unsupportedOperation() {
        return Response.errors(405, "1 error occurred:\n\t* unsupported operation\n\n");
    }

    private List<String> keyNames(String mount) {
        return keys.keySet().stream()
                .filter(k -> k.startsWith(mount + "/"))
                .map(k -> k.substring(mount.length() + 1))
                .toList();
    }

    private Response readKey(String mount, String name) {
        TransitKey key = keys.get(mount + "/" + name);
        // Vault answers a missing key with 404 and an empty errors list.
        return key == null ? Response.errors(404) : Response.ok(key.describe());
    }

    private Response createKey(String mount, String name, Map<String, Object> body) {
        if (Requests.bool(body, "convergent_encryption")) {
            throw new UserError("convergent encryption is not simulated");
        }
        String type = body.containsKey("type") ? Requests.string(body, "type") : "aes256-gcm96";
        boolean[] created = {false};
        TransitKey key = keys.computeIfAbsent(mount + "/" + name, k -> {
            created[0] = true;
            return new TransitKey(
                    name, type, Requests.bool(body, "derived"), Requests.bool(body, "exportable"), random);
        });
        return Response.data(200, key.describe(), created[0] ? List.of() : List.of("key " + name + " already existed"));
    }

    private Response deleteKey(String mount, String name) {
        TransitKey key = keys.get(mount + "/" + name);
        if (key == null) {
            return new Response(204, null);
        }
        if (!key.deletionAllowed()) {
            throw new UserError("deletion is not allowed for this key");
        }
        keys.remove(mount + "/" + name);
        return new Response(204, null);
    }

    private Response rotate(String mount, String name) {
        TransitKey key = keys.get(mount + "/" + name);
        if (key == null) {
            throw new UserError("key not found");
        }
        key.rotate();
        return Response.ok(key.describe());
    }

    private Response configure(String mount, String name, Map<String, Object> body) {
        TransitKey key = keys.get(mount + "/" + name);
        if (key == null) {
            throw new UserError("no existing key named " + name + " could be found");
        }
        key.configure(body);
        return Response.ok(key.describe());
    }

    /** One item of a (batch) request. */
    private record Item(Map<String, Object> fields, boolean batch) {}

    private static List<Item> items(Map<String, Object> body, String required, String missing) {
        Object batch = body.get("batch_input");
        if (batch != null) {
            if (!(batch instanceof List<?> list)) {
                throw new UserError("failed to parse batch input: source data must be an array or slice");
            }
            if (list.isEmpty()) {
                throw new UserError("missing batch input to process");
            }
            List<Item> items = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof Map<?, ?> map)) {
                    throw new UserError("failed to parse batch input: expected a map");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                items.add(new Item(fields, true));
            }
            boolean contextSet =
                    !Requests.string(items.getFirst().fields(), "context").isEmpty();
            for (Item item : items) {
                if (Requests.string(item.fields(), "context").isEmpty() == contextSet) {
                    throw new UserError("context should be set either in all the request blocks or in none");
                }
            }
            return items;
        }
        if (!body.containsKey(required)
                || (required.equals("ciphertext")
                        && Requests.string(body, required).isEmpty())) {
            throw new UserError(missing);
        }
        return List.of(new Item(body, false));
    }

    private interface ItemOperation {
        Map<String, Object> apply(TransitKey key, Map<String, Object> fields);
    }

    /**
     * Runs every item; a single request answers its error as the response, a batch answers every item's result, with
     * 400 when any item failed (Vault's {@code batchRequestResponse}).
     */
    private static Response process(TransitKey key, List<Item> items, ItemOperation operation) {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean failed = false;
        for (Item item : items) {
            Map<String, Object> result = new LinkedHashMap<>();
            try {
                result.putAll(operation.apply(key, item.fields()));
            } catch (UserError e) {
                if (!item.batch()) {
                    throw e;
                }
                failed = true;
                result.put("error", e.getMessage());
            }
            if (item.batch()) {
                result.put("reference", Requests.string(item.fields(), "reference"));
            }
            results.add(result);
        }
        if (!items.getFirst().batch()) {
            return Response.ok(results.getFirst());
        }
        return Response.data(failed ? 400 : 200, Map.of("batch_results", results), List.of());
    }

    private Response encrypt(String mount, String name, Map<String, Object> body) {
        List<Item> items = items(body, "plaintext", "missing plaintext to encrypt");
        boolean contextSet =
                !Requests.string(items.getFirst().fields(), "context").isEmpty();
        // Upsert, as Vault does for a token with the create capability: the key is derived if a context was sent.
        String type = body.containsKey("type") ? Requests.string(body, "type") : "aes256-gcm96";
        TransitKey key =
                keys.computeIfAbsent(mount + "/" + name, k -> new TransitKey(name, type, contextSet, false, random));
        return process(key, items, (k, fields) -> {
            if (!fields.containsKey("plaintext")) {
                throw new UserError("missing plaintext to encrypt");
            }
            Encrypted encrypted = k.encrypt(
                    Requests.base64(Requests.string(fields, "plaintext")),
                    Requests.base64(Requests.string(fields, "context")),
                    Requests.base64(Requests.string(fields, "associated_data")),
                    Requests.integer(fields, "key_version"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ciphertext", encrypted.ciphertext());
            result.put("key_version", encrypted.version());
            return result;
        });
    }

    private Response decrypt(String mount, String name, Map<String, Object> body) {
        List<Item> items = items(body, "ciphertext", "missing ciphertext to decrypt");
        TransitKey key = keys.get(mount + "/" + name);
        if (key == null) {
            throw new UserError("encryption key not found");
        }
        return process(key, items, (k, fields) -> {
            String ciphertext = Requests.string(fields, "ciphertext");
            if (ciphertext.isEmpty()) {
                throw new UserError("missing ciphertext to decrypt");
            }
            byte[] plaintext = k.decrypt(
                    ciphertext,
                    Requests.base64(Requests.string(fields, "context")),
                    Requests.base64(Requests.string(fields, "associated_data")));
            return Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext));
        });
    }

    /**
     * Vault's rewrap: decrypt and encrypt again inside the engine. Unlike encrypt and decrypt it answers a batch with
     * 200 even when items failed (the errors are in the items), and it takes no {@code associated_data}.
     */
    private Response rewrap(String mount, String name, Map<String, Object> body) {
        List<Item> items = items(body, "ciphertext", "missing ciphertext to decrypt");
        TransitKey key = keys.get(mount + "/" + name);
        if (key == null) {
            throw new UserError("encryption key not found");
        }
        Response response = process(key, items, (k, fields) -> {
            String ciphertext = Requests.string(fields, "ciphertext");
            if (ciphertext.isEmpty()) {
                throw new UserError("missing ciphertext to decrypt");
            }
            byte[] context = Requests.base64(Requests.string(fields, "context"));
            byte[] plaintext = k.decrypt(ciphertext, context, new byte[0]);
            Encrypted encrypted = k.encrypt(plaintext, context, new byte[0], Requests.integer(fields, "key_version"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ciphertext", encrypted.ciphertext());
            result.put("key_version", encrypted.version());
            return result;
        });
        return response.status() == 400 ? new Response(200, response.body()) : response;
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(bytes, Map.class);
            return body == null ? Map.of() : body;
        } catch (RuntimeException e) {
            throw new UserError("failed to parse JSON input: invalid JSON");
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return query;
    }

    /**
     * Runs a simulator until the process is stopped, for local runs: {@code --port N} (default 8200), {@code --mount
     * transit}, the root token from {@code VAULT_SIM_TOKEN} or else generated and written to {@code --token-file}
     * (owner-only). Prints the address and the token file, never the token.
     *
     * @param args the options
     * @throws Exception when it cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = 8200;
        String mount = "transit";
        Path tokenFile = Path.of("target/vault-transit-simulator/root.token");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--mount" -> mount = args[i + 1];
                case "--token-file" -> tokenFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        String token = System.getenv("VAULT_SIM_TOKEN");
        if (token == null || token.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = "hvs." + HexFormat.of().formatHex(random);
            Files.createDirectories(tokenFile.toAbsolutePath().getParent());
            Files.writeString(tokenFile, token, StandardCharsets.UTF_8);
            tokenFile.toFile().setReadable(false, false);
            tokenFile.toFile().setReadable(true, true);
        }
        VaultTransitSimulator simulator = start(port, token, Set.of(mount));
        String fingerprint = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 8);
        System.out.println("Vault Transit simulator at " + simulator.address() + " (mount " + mount
                + "), root token in " + tokenFile.toAbsolutePath() + " (sha256 " + fingerprint + "...)");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
