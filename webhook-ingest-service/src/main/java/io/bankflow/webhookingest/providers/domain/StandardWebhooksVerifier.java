package io.bankflow.webhookingest.providers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The symmetric (HMAC-SHA256, {@code v1}) scheme of the Standard Webhooks specification 1.0.0
 * (standardwebhooks.com).
 *
 * <ul>
 *   <li>Headers {@value #ID_HEADER}, {@value #TIMESTAMP_HEADER} (integer Unix seconds) and {@value #SIGNATURE_HEADER}: a
 *       space-delimited list of {@code <version>,<base64 signature>}; several signatures allow zero-downtime secret
 *       rotation, and any {@code v1} match passes. Other versions ({@code v1a}, asymmetric) are ignored.
 *   <li>Signed content: {@code <webhook-id>.<webhook-timestamp>.<raw body>}, exactly the bytes received.
 *   <li>Secret: {@code whsec_} + base64 of 24 to 64 random bytes; the HMAC key is the decoded bytes.
 * </ul>
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {

    /** The provider's unique id of the message; the same on every retry. */
    public static final String ID_HEADER = "webhook-id";
    /** Unix seconds of the delivery attempt. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** The signatures. */
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How Standard Webhooks secrets are presented. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final String VERSION = "v1";
    private static final int MIN_KEY_BYTES = 24; // the spec's minimum (192 bits)
    private static final int MAX_KEY_BYTES = 64; // the spec's maximum (512 bits)
    private static final int GENERATED_KEY_BYTES = 32;

    private final TimestampTolerance tolerance;

    /** @param tolerance how far {@value #TIMESTAMP_HEADER} may be from now (the spec suggests 5 minutes) */
    public StandardWebhooksVerifier(Duration tolerance) {
        this.tolerance = new TimestampTolerance(tolerance);
    }

    /**
     * A new secret: {@code whsec_} + base64 of 32 random bytes (256 bits).
     *
     * @param random a cryptographically strong generator ({@code SecureRandom})
     * @return the secret
     */
    @Override
    public Optional<SigningSecret> generateSecret(RandomGenerator random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return Optional.of(SigningSecret.of(SECRET_PREFIX + Base64.getEncoder().encodeToString(key)));
    }

    @Override
    public Verification verify(WebhookDelivery delivery, SigningSecret secret, Instant now) {
        Optional<String> id = delivery.header(ID_HEADER).filter(value -> !value.isBlank());
        Optional<String> timestampText = delivery.header(TIMESTAMP_HEADER).map(String::trim);
        Optional<String> signatures = delivery.header(SIGNATURE_HEADER).filter(value -> !value.isBlank());
        if (id.isEmpty()) {
            return Verification.invalid("The " + ID_HEADER + " header is missing.");
        }
        if (timestampText.isEmpty()) {
            return Verification.invalid("The " + TIMESTAMP_HEADER + " header is missing.");
        }
        if (signatures.isEmpty()) {
            return Verification.invalid("The " + SIGNATURE_HEADER + " header is missing.");
        }
        Optional<Long> timestamp = TimestampTolerance.parseEpochSecond(timestampText.get());
        if (timestamp.isEmpty()) {
            return Verification.invalid("The " + TIMESTAMP_HEADER + " header is not an integer Unix timestamp.");
        }

        byte[] expected = HmacSha256.mac(key(secret), id.get() + "." + timestampText.get() + ".", delivery.body());
        int candidates = 0;
        boolean matched = false;
        for (String entry : signatures.get().trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals(VERSION)) {
                continue; // another version (v1a) or a malformed entry: the spec says to try the others
            }
            candidates++;
            Optional<byte[]> candidate = decode(entry.substring(comma + 1));
            // Every v1 entry is compared, even after a match, so timing does not tell which one matched.
            if (candidate.isPresent() && HmacSha256.equal(expected, candidate.get())) {
                matched = true;
            }
        }
        if (candidates == 0) {
            return Verification.invalid("The " + SIGNATURE_HEADER + " header holds no " + VERSION + " signature.");
        }
        if (!matched) {
            return Verification.invalid("No " + VERSION + " signature in the " + SIGNATURE_HEADER + " header ("
                    + candidates + " checked) matches the body, " + ID_HEADER + " and " + TIMESTAMP_HEADER
                    + " with this endpoint's secret.");
        }
        Optional<Verification> stale = tolerance.check(TIMESTAMP_HEADER, timestamp.get(), now);
        return stale.orElseGet(() -> new Verification.Verified(Instant.ofEpochSecond(timestamp.get())));
    }

    @Override
    public Optional<String> secretProblem(SigningSecret candidate) {
        String value = candidate.reveal();
        if (!value.startsWith(SECRET_PREFIX)) {
            return Optional.of("must start with '" + SECRET_PREFIX + "'");
        }
        Optional<byte[]> key = decode(value.substring(SECRET_PREFIX.length()));
        if (key.isEmpty()) {
            return Optional.of("must be '" + SECRET_PREFIX + "' followed by base64");
        }
        if (key.get().length < MIN_KEY_BYTES || key.get().length > MAX_KEY_BYTES) {
            return Optional.of("must encode " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_} (the prefix is optional, as in the spec's libraries). */
    private static byte[] key(SigningSecret secret) {
        String value = secret.reveal();
        String encoded = value.startsWith(SECRET_PREFIX) ? value.substring(SECRET_PREFIX.length()) : value;
        return decode(encoded)
                .filter(key -> key.length > 0)
                // Stored secrets were checked when the endpoint was created; this is a corrupted record.
                .orElseThrow(() -> new IllegalStateException("The endpoint's signing secret is not valid base64"));
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
