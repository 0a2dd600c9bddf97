package io.bankflow.webhookingest.providers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.webhookingest.testing.WebhookSigning;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever the body, changing any one byte of it invalidates the signature. */
class SignatureTamperingTest {

    static final long TIMESTAMP = 1_700_000_000L;
    static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP);

    final StandardWebhooksVerifier standardWebhooks = new StandardWebhooksVerifier(Duration.ofMinutes(5));
    final StripeVerifier stripe = new StripeVerifier(Duration.ofMinutes(5));
    final SigningSecret standardSecret =
            standardWebhooks.generateSecret(new SecureRandom()).orElseThrow();
    final SigningSecret stripeSecret = SigningSecret.of("whsec_property0test0secret");

    @Property(tries = 300)
    void anySingleByteChangeInvalidatesAStandardWebhooksSignature(
            @ForAll @Size(min = 1, max = 512) byte[] body, @ForAll int position, @ForAll byte replacement) {
        int index = Math.floorMod(position, body.length);
        Assume.that(body[index] != replacement);
        String signature = WebhookSigning.standardWebhooks(standardSecret.reveal(), "msg_1", TIMESTAMP, body);
        byte[] tampered = body.clone();
        tampered[index] = replacement;

        Verification original = standardWebhooks.verify(standardDelivery(body, signature), standardSecret, NOW);
        Verification changed = standardWebhooks.verify(standardDelivery(tampered, signature), standardSecret, NOW);

        assertThat(original.verified()).isTrue();
        assertThat(changed)
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.failure()).isEqualTo(Verification.Failure.SIGNATURE_INVALID));
    }

    @Property(tries = 300)
    void anySingleByteChangeInvalidatesAStripeSignature(
            @ForAll @Size(min = 1, max = 512) byte[] body, @ForAll int position, @ForAll byte replacement) {
        int index = Math.floorMod(position, body.length);
        Assume.that(body[index] != replacement);
        String header = WebhookSigning.stripe(stripeSecret.reveal(), TIMESTAMP, body);
        byte[] tampered = body.clone();
        tampered[index] = replacement;

        assertThat(stripe.verify(stripeDelivery(body, header), stripeSecret, NOW)
                        .verified())
                .isTrue();
        assertThat(stripe.verify(stripeDelivery(tampered, header), stripeSecret, NOW)
                        .verified())
                .isFalse();
    }

    private static WebhookDelivery standardDelivery(byte[] body, String signature) {
        return Deliveries.delivery()
                .header("webhook-id", "msg_1")
                .header("webhook-timestamp", Long.toString(TIMESTAMP))
                .header("webhook-signature", signature)
                .body(body)
                .build();
    }

    private static WebhookDelivery stripeDelivery(byte[] body, String header) {
        return Deliveries.delivery()
                .header("Stripe-Signature", header)
                .body(body)
                .build();
    }
}
