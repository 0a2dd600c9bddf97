package io.bankflow.webhookingest.providers.domain;

import static io.bankflow.webhookingest.providers.domain.Deliveries.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.webhookingest.testing.WebhookSigning;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StandardWebhooksVerifierTest {

    // The test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks,
    // libraries/go/webhook_test.go TestWebhookSign; the same values in the other languages' tests).
    static final SigningSecret SPEC_SECRET = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330L;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    // An invalid signature used by the same tests.
    static final String SPEC_INVALID_SIGNATURE = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    static final Instant SIGNED_AT = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(Duration.ofMinutes(5));

    static Deliveries specDelivery() {
        return delivery()
                .header("webhook-id", SPEC_ID)
                .header("webhook-timestamp", Long.toString(SPEC_TIMESTAMP))
                .header("webhook-signature", SPEC_SIGNATURE)
                .body(SPEC_BODY);
    }

    Verification verify(Deliveries delivery) {
        return verifier.verify(delivery.build(), SPEC_SECRET, SIGNED_AT);
    }

    @Test
    void acceptsThePublishedTestVector() {
        assertThat(verify(specDelivery())).isEqualTo(new Verification.Verified(SIGNED_AT));
    }

    @Test
    void theTestSignerReproducesThePublishedTestVector() {
        assertThat(WebhookSigning.standardWebhooks(
                        SPEC_SECRET.reveal(), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void acceptsASecretWithoutItsPrefixAsTheReferenceLibrariesDo() {
        assertThat(verifier.verify(
                                specDelivery().build(), SigningSecret.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), SIGNED_AT)
                        .verified())
                .isTrue();
    }

    @Test
    void readsHeaderNamesCaseInsensitively() {
        Deliveries upperCase = delivery()
                .header("Webhook-Id", SPEC_ID)
                .header("WEBHOOK-TIMESTAMP", Long.toString(SPEC_TIMESTAMP))
                .header("Webhook-Signature", SPEC_SIGNATURE)
                .body(SPEC_BODY);

        assertThat(verify(upperCase).verified()).isTrue();
    }

    @Nested
    class SeveralSignatures {

        @Test
        void acceptsTheDeliveryWhenAnyV1SignatureMatches() {
            Deliveries rotated = specDelivery()
                    .header(
                            "webhook-signature",
                            SPEC_INVALID_SIGNATURE + " v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                                    + SPEC_SIGNATURE + " " + SPEC_INVALID_SIGNATURE);

            assertThat(verify(rotated).verified()).isTrue();
        }

        @Test
        void ignoresAsymmetricAndMalformedEntries() {
            Deliveries mixed =
                    specDelivery().header("webhook-signature", "v1a,aGVsbG8= nonsense v1,not*base64 " + SPEC_SIGNATURE);

            assertThat(verify(mixed).verified()).isTrue();
        }

        @Test
        void rejectsAHeaderWithoutAnyV1Signature() {
            Verification result = verify(specDelivery().header("webhook-signature", "v1a,aGVsbG8= v2,aGVsbG8="));

            assertThat(result).isEqualTo(Verification.invalid("The webhook-signature header holds no v1 signature."));
        }

        @Test
        void rejectsWhenNoV1SignatureMatches() {
            Verification result = verify(
                    specDelivery().header("webhook-signature", SPEC_INVALID_SIGNATURE + " " + SPEC_INVALID_SIGNATURE));

            assertThat(result).isInstanceOfSatisfying(Verification.Rejected.class, rejected -> {
                assertThat(rejected.failure()).isEqualTo(Verification.Failure.SIGNATURE_INVALID);
                assertThat(rejected.detail()).contains("2 checked");
            });
        }
    }

    @Nested
    class Tampering {

        @Test
        void rejectsAChangedBody() {
            assertThat(verify(specDelivery().body("{\"test\": 2432232315}")))
                    .extracting(v -> ((Verification.Rejected) v).failure())
                    .isEqualTo(Verification.Failure.SIGNATURE_INVALID);
        }

        @Test
        void rejectsAChangedTimestampEvenWithinTheTolerance() {
            Deliveries retimed = specDelivery().header("webhook-timestamp", Long.toString(SPEC_TIMESTAMP + 1));

            assertThat(verify(retimed).verified()).isFalse();
        }

        @Test
        void rejectsAChangedId() {
            assertThat(verify(specDelivery().header("webhook-id", SPEC_ID + "x"))
                            .verified())
                    .isFalse();
        }

        @Test
        void rejectsASignatureMadeWithAnotherSecret() {
            SigningSecret other = new StandardWebhooksVerifier(Duration.ofMinutes(5))
                    .generateSecret(new SecureRandom())
                    .orElseThrow();

            assertThat(verifier.verify(specDelivery().build(), other, SIGNED_AT).verified())
                    .isFalse();
        }

        @Test
        void rejectsTheSignatureOfTheTimestampWithLeadingZeros() {
            // What was signed is the header text; "01614265330" is another message than "1614265330".
            Deliveries padded = specDelivery().header("webhook-timestamp", "0" + SPEC_TIMESTAMP);

            assertThat(verify(padded).verified()).isFalse();
        }
    }

    @Nested
    class MissingOrMalformedHeaders {

        @Test
        void rejectsAMissingId() {
            Deliveries noId = delivery()
                    .header("webhook-timestamp", Long.toString(SPEC_TIMESTAMP))
                    .header("webhook-signature", SPEC_SIGNATURE)
                    .body(SPEC_BODY);

            assertThat(verify(noId)).isEqualTo(Verification.invalid("The webhook-id header is missing."));
        }

        @Test
        void rejectsAMissingTimestamp() {
            Deliveries noTimestamp = delivery()
                    .header("webhook-id", SPEC_ID)
                    .header("webhook-signature", SPEC_SIGNATURE)
                    .body(SPEC_BODY);

            assertThat(verify(noTimestamp)).isEqualTo(Verification.invalid("The webhook-timestamp header is missing."));
        }

        @Test
        void rejectsAMissingSignature() {
            Deliveries unsigned = delivery()
                    .header("webhook-id", SPEC_ID)
                    .header("webhook-timestamp", Long.toString(SPEC_TIMESTAMP))
                    .body(SPEC_BODY);

            assertThat(verify(unsigned)).isEqualTo(Verification.invalid("The webhook-signature header is missing."));
        }

        @Test
        void rejectsATimestampThatIsNotUnixSeconds() {
            for (String notSeconds :
                    new String[] {"2021-02-25T15:02:10Z", "-1614265330", "1614265330.5", "", "99999999999999999999"}) {
                assertThat(verify(specDelivery().header("webhook-timestamp", notSeconds)))
                        .as(notSeconds)
                        .isInstanceOf(Verification.Rejected.class);
            }
        }
    }

    @Nested
    class TimestampTolerance {

        Verification verifyAt(Instant now) {
            return verifier.verify(specDelivery().build(), SPEC_SECRET, now);
        }

        @Test
        void acceptsADeliveryExactlyAtTheToleranceInThePast() {
            assertThat(verifyAt(SIGNED_AT.plusSeconds(300)).verified()).isTrue();
        }

        @Test
        void rejectsADeliveryOneSecondOlderThanTheTolerance() {
            assertThat(verifyAt(SIGNED_AT.plusSeconds(301)))
                    .isEqualTo(new Verification.Rejected(
                            Verification.Failure.TIMESTAMP_OUT_OF_TOLERANCE,
                            "The webhook-timestamp is 301 s in the past; at most 300 s are accepted."));
        }

        @Test
        void acceptsADeliveryExactlyAtTheToleranceInTheFuture() {
            assertThat(verifyAt(SIGNED_AT.minusSeconds(300)).verified()).isTrue();
        }

        @Test
        void rejectsADeliveryOneSecondFurtherInTheFutureThanTheTolerance() {
            assertThat(verifyAt(SIGNED_AT.minusSeconds(301)))
                    .extracting(v -> ((Verification.Rejected) v).failure())
                    .isEqualTo(Verification.Failure.TIMESTAMP_OUT_OF_TOLERANCE);
        }

        @Test
        void reportsABadSignatureRatherThanAStaleTimestampWhenBothAreWrong() {
            Verification result = verifier.verify(
                    specDelivery()
                            .header("webhook-signature", SPEC_INVALID_SIGNATURE)
                            .build(),
                    SPEC_SECRET,
                    SIGNED_AT.plus(Duration.ofDays(1)));

            assertThat(result)
                    .extracting(v -> ((Verification.Rejected) v).failure())
                    .isEqualTo(Verification.Failure.SIGNATURE_INVALID);
        }

        @Test
        void honoursAConfiguredTolerance() {
            StandardWebhooksVerifier strict = new StandardWebhooksVerifier(Duration.ofSeconds(10));

            assertThat(strict.verify(specDelivery().build(), SPEC_SECRET, SIGNED_AT.plusSeconds(10))
                            .verified())
                    .isTrue();
            assertThat(strict.verify(specDelivery().build(), SPEC_SECRET, SIGNED_AT.plusSeconds(11))
                            .verified())
                    .isFalse();
        }
    }

    @Test
    void neverPutsTheSecretOrASignatureIntoARejection() {
        Deliveries[] rejected = {
            specDelivery().header("webhook-signature", SPEC_INVALID_SIGNATURE),
            specDelivery().body("tampered"),
            specDelivery().header("webhook-timestamp", "x"),
        };
        for (Deliveries delivery : rejected) {
            String detail = ((Verification.Rejected) verify(delivery)).detail();
            assertThat(detail)
                    .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                    .doesNotContain("g0hM9SsE")
                    .doesNotContain("Ceo5qEr07ixe2NLpvHk3FH9bwy");
        }
    }

    @Nested
    class Secrets {

        @Test
        void generatesStandardWebhooksSecretsOf32RandomBytes() {
            Set<String> generated = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                SigningSecret secret =
                        verifier.generateSecret(new SecureRandom()).orElseThrow();
                assertThat(secret.reveal()).startsWith("whsec_");
                assertThat(Base64.getDecoder().decode(secret.reveal().substring(6)))
                        .hasSize(32);
                assertThat(verifier.secretProblem(secret)).isEmpty();
                generated.add(secret.reveal());
            }
            assertThat(generated).hasSize(20);
        }

        @Test
        void acceptsTheSpecSecret() {
            assertThat(verifier.secretProblem(SPEC_SECRET)).isEmpty();
        }

        @Test
        void refusesSecretsOfTheWrongForm() {
            assertThat(verifier.secretProblem(SigningSecret.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
                    .hasValue("must start with 'whsec_'");
            assertThat(verifier.secretProblem(SigningSecret.of("whsec_not*base64")))
                    .hasValue("must be 'whsec_' followed by base64");
            assertThat(verifier.secretProblem(SigningSecret.of("whsec_" + base64Of(23))))
                    .hasValue("must encode 24 to 64 bytes");
            assertThat(verifier.secretProblem(SigningSecret.of("whsec_" + base64Of(65))))
                    .hasValue("must encode 24 to 64 bytes");
            assertThat(verifier.secretProblem(SigningSecret.of("whsec_" + base64Of(64))))
                    .isEmpty();
        }

        private static String base64Of(int bytes) {
            return Base64.getEncoder().encodeToString(new byte[bytes]);
        }
    }
}
