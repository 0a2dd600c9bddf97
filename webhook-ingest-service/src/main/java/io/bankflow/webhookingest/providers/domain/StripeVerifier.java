package io.bankflow.webhookingest.providers.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stripe's webhook signature scheme (docs.stripe.com/webhooks, "Verify signatures manually"; as implemented by
 * stripe-java's {@code Webhook.Signature}).
 *
 * <ul>
 *   <li>Header {@value #SIGNATURE_HEADER}: comma-separated {@code key=value} items; {@code t} is the Unix timestamp,
 *       each {@code v1} a signature (several during secret rotation; any match passes); other schemes ({@code v0})
 *       are ignored.
 *   <li>Signed content: {@code <t>.<raw body>}; signature = lower-case hex of HMAC-SHA256 keyed with the endpoint
 *       secret's UTF-8 bytes, the whole {@code whsec_...} string (unlike Standard Webhooks, it is not decoded).
 *   <li>Tolerance: Stripe's libraries default to 300 s.
 * </ul>
 */
public final class StripeVerifier implements WebhookVerifier {

    /** Stripe's signature header. */
    public static final String SIGNATURE_HEADER = "Stripe-Signature";

    private static final String SCHEME = "v1";
    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9_]{1,250}");
    private static final HexFormat HEX = HexFormat.of();

    private final TimestampTolerance tolerance;

    /** @param tolerance how far {@code t} may be from now (Stripe's libraries use 300 s) */
    public StripeVerifier(Duration tolerance) {
        this.tolerance = new TimestampTolerance(tolerance);
    }

    @Override
    public Verification verify(WebhookDelivery delivery, SigningSecret secret, Instant now) {
        Optional<String> header = delivery.header(SIGNATURE_HEADER).filter(value -> !value.isBlank());
        if (header.isEmpty()) {
            return Verification.invalid("The " + SIGNATURE_HEADER + " header is missing.");
        }
        String timestampText = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.get().split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = item.substring(0, equals).trim();
            String value = item.substring(equals + 1).trim();
            if (key.equals("t") && timestampText == null) {
                timestampText = value;
            } else if (key.equals(SCHEME)) {
                signatures.add(value);
            }
        }
        Optional<Long> timestamp =
                timestampText == null ? Optional.empty() : TimestampTolerance.parseEpochSecond(timestampText);
        if (timestamp.isEmpty()) {
            return Verification.invalid("The " + SIGNATURE_HEADER + " header has no integer Unix timestamp (t=...).");
        }
        if (signatures.isEmpty()) {
            return Verification.invalid("The " + SIGNATURE_HEADER + " header holds no " + SCHEME + " signature.");
        }

        byte[] mac = HmacSha256.mac(secret.utf8(), timestampText + ".", delivery.body());
        byte[] expected = HEX.formatHex(mac).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            // Every candidate is compared, even after a match, so timing does not tell which one matched.
            if (HmacSha256.equal(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                matched = true;
            }
        }
        if (!matched) {
            return Verification.invalid("No " + SCHEME + " signature in the " + SIGNATURE_HEADER + " header ("
                    + signatures.size() + " checked) matches the body and timestamp with this endpoint's secret.");
        }
        Optional<Verification> stale = tolerance.check(SIGNATURE_HEADER + " timestamp", timestamp.get(), now);
        return stale.orElseGet(() -> new Verification.Verified(Instant.ofEpochSecond(timestamp.get())));
    }

    @Override
    public Optional<String> secretProblem(SigningSecret candidate) {
        return SECRET.matcher(candidate.reveal()).matches()
                ? Optional.empty()
                : Optional.of("must be the endpoint's signing secret as Stripe shows it ('whsec_' followed by letters"
                        + " and digits)");
    }
}
