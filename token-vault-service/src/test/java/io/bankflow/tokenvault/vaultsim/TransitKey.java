package io.bankflow.tokenvault.vaultsim;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One named key of the simulated Transit engine: its versions (random AES keys), its policy (minimum decryption and
 * encryption versions) and the encryption itself, as Vault's {@code keysutil.Policy} does it: AES-GCM with a random
 * 96-bit nonce prepended to ciphertext and tag, the key of a derived key derived per context with HKDF-SHA256 (no salt,
 * the context as info), and the ciphertext written as {@code vault:v<version>:<base64>}.
 *
 * <p>Errors a client caused are {@link UserError}s with Vault's own messages (answered with HTTP 400).
 */
final class TransitKey {

    static final String TOO_OLD = "ciphertext or signature version is disallowed by policy (too old)";
    static final String MISSING_CONTEXT = "missing 'context' for key derivation; the key was created using a derived"
            + " key, which means additional, per-request information must be included in order to perform operations"
            + " with the key";
    private static final String PREFIX = "vault:v";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String name;
    private final String type;
    private final int keyBytes;
    private final boolean derived;
    private final boolean exportable;
    private final SecureRandom random;
    private final List<byte[]> versions = new ArrayList<>();
    private final List<Long> created = new ArrayList<>();
    private int minDecryptionVersion = 1;
    private int minEncryptionVersion = 0;
    private boolean deletionAllowed;

    TransitKey(String name, String type, boolean derived, boolean exportable, SecureRandom random) {
        this.name = name;
        this.type = type;
        this.keyBytes = switch (type) {
            case "aes256-gcm96" -> 32;
            case "aes128-gcm96" -> 16;
            default -> throw new UserError("unknown key type: " + type);
        };
        this.derived = derived;
        this.exportable = exportable;
        this.random = random;
        rotate();
    }

    /** A client error, answered with HTTP 400 and this message. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message, null, false, false);
        }
    }

    synchronized void rotate() {
        byte[] key = new byte[keyBytes];
        random.nextBytes(key);
        versions.add(key);
        created.add(Instant.now().getEpochSecond());
    }

    synchronized int latestVersion() {
        return versions.size();
    }

    boolean derived() {
        return derived;
    }

    synchronized boolean deletionAllowed() {
        return deletionAllowed;
    }

    /** {@code POST keys/:name/config}, with Vault's checks and messages. */
    synchronized void configure(Map<String, Object> body) {
        if (body.containsKey("min_decryption_version")) {
            int requested = Requests.integer(body, "min_decryption_version");
            if (requested < 0) {
                throw new UserError("min decryption version cannot be negative");
            }
            int version = requested == 0 ? 1 : requested;
            if (version > latestVersion()) {
                throw new UserError("cannot set min decryption version of " + version + ", latest key version is "
                        + latestVersion());
            }
            minDecryptionVersion = version;
        }
        if (body.containsKey("min_encryption_version")) {
            int version = Requests.integer(body, "min_encryption_version");
            if (version < 0) {
                throw new UserError("min encryption version cannot be negative");
            }
            if (version > latestVersion()) {
                throw new UserError("cannot set min encryption version of " + version + ", latest key version is "
                        + latestVersion());
            }
            minEncryptionVersion = version;
        }
        if (minEncryptionVersion > 0 && minEncryptionVersion < minDecryptionVersion) {
            throw new UserError("min decryption version should not exceed min encryption version");
        }
        if (body.containsKey("deletion_allowed")) {
            deletionAllowed = Requests.bool(body, "deletion_allowed");
        }
    }

    /** The {@code data} of {@code GET keys/:name}. */
    synchronized Map<String, Object> describe() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("type", type);
        data.put("derived", derived);
        data.put("deletion_allowed", deletionAllowed);
        data.put("min_available_version", 0);
        data.put("min_decryption_version", minDecryptionVersion);
        data.put("min_encryption_version", minEncryptionVersion);
        data.put("latest_version", latestVersion());
        data.put("exportable", exportable);
        data.put("allow_plaintext_backup", false);
        data.put("supports_encryption", true);
        data.put("supports_decryption", true);
        data.put("supports_signing", false);
        data.put("supports_derivation", true);
        data.put("auto_rotate_period", 0);
        data.put("imported_key", false);
        // Like Vault, versions below min_decryption_version leave the keys map (they are archived, not destroyed).
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int version = minDecryptionVersion; version <= latestVersion(); version++) {
            keys.put(Integer.toString(version), created.get(version - 1));
        }
        data.put("keys", keys);
        if (derived) {
            data.put("kdf", "hkdf_sha256");
            data.put("convergent_encryption", false);
        }
        return data;
    }

    /** The {@code data} of {@code GET export/encryption-key/:name(/:version)}. */
    synchronized Map<String, Object> export(String version) {
        if (!exportable) {
            throw new UserError("key is not exportable");
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int v = minDecryptionVersion; v <= latestVersion(); v++) {
            if (version.isEmpty()
                    || version.equals(Integer.toString(v))
                    || (version.equals("latest") && v == latestVersion())) {
                keys.put(Integer.toString(v), Base64.getEncoder().encodeToString(versions.get(v - 1)));
            }
        }
        if (keys.isEmpty()) {
            throw new UserError("invalid key version");
        }
        return Map.of("name", name, "type", type, "keys", keys);
    }

    /**
     * @param requestedVersion 0 for the latest
     * @return {@code vault:v<version>:<base64(nonce|ciphertext|tag)>} and the version used
     */
    Encrypted encrypt(byte[] plaintext, byte[] context, byte[] associatedData, int requestedVersion) {
        int version;
        byte[] key;
        synchronized (this) {
            version = requestedVersion == 0 ? latestVersion() : requestedVersion;
            if (requestedVersion < 0 || version > latestVersion()) {
                throw new UserError("requested version for encryption is higher than the latest key version");
            }
            if (minEncryptionVersion > 0 && version < minEncryptionVersion) {
                throw new UserError("requested version for encryption is less than the minimum encryption key version");
            }
            key = key(version, context);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return new Encrypted(PREFIX + version + ":" + Base64.getEncoder().encodeToString(out), version);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    record Encrypted(String ciphertext, int version) {}

    /** Vault's {@code Policy.Decrypt}: the checks in its order, with its messages. */
    byte[] decrypt(String value, byte[] context, byte[] associatedData) {
        if (!value.startsWith(PREFIX)) {
            throw new UserError("invalid ciphertext: no prefix");
        }
        String rest = value.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new UserError("invalid ciphertext: wrong number of fields");
        }
        int version;
        try {
            version = Integer.parseInt(rest.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new UserError("invalid ciphertext: version number could not be decoded");
        }
        if (version == 0) {
            version = 1; // Vault's compatibility with its first key numbering
        }
        byte[] key;
        synchronized (this) {
            if (version > latestVersion()) {
                throw new UserError("invalid ciphertext: version is too new");
            }
            if (minDecryptionVersion > 0 && version < minDecryptionVersion) {
                throw new UserError(TOO_OLD);
            }
            key = key(version, context);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new UserError("invalid ciphertext: could not decode base64");
        }
        if (decoded.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UserError("invalid ciphertext length");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, decoded, 0, NONCE_BYTES));
            if (associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(decoded, NONCE_BYTES, decoded.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UserError("cipher: message authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** Vault's {@code GetKey}: the version's key, or for a derived key HKDF-SHA256(key, no salt, info = context). */
    private byte[] key(int version, byte[] context) {
        byte[] key = versions.get(version - 1);
        if (!derived) {
            return key;
        }
        if (context.length == 0) {
            throw new UserError(MISSING_CONTEXT);
        }
        return hkdfSha256(key, context, keyBytes);
    }

    /** RFC 5869 with an empty salt (= HashLen zero bytes), as Go's {@code hkdf.New(sha256.New, key, nil, info)}. */
    static byte[] hkdfSha256(byte[] inputKey, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int filled = 0;
            for (byte counter = 1; filled < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update(counter);
                block = mac.doFinal();
                int n = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 failed", e);
        }
    }

    @Override
    public String toString() {
        return "TransitKey[" + name + ", " + type + ", versions " + versions.size() + "]";
    }
}
