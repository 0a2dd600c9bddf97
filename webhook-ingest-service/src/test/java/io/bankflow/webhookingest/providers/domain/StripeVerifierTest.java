package io.bankflow.webhookingest.providers.domain;

import static io.bankflow.webhookingest.providers.domain.Deliveries.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.webhookingest.testing.WebhookSigning;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StripeVerifierTest {

    static final SigningSecret SECRET = SigningSecret.of("whsec_test_secret");
    static final long TIMESTAMP = 1492774577L; // the timestamp of the example header in Stripe's documentation
    static final String BODY = "{\"id\":\"evt_1Nq2bx2eZvKYlo2C0o0o0o0o\",\"object\":\"event\",\"type\":\"payout.paid\","
            + "\"account\":\"acct_1032D82eZvKYlo2C\"}";
    // Computed outside Java, from Stripe's documented scheme:
    //   printf '1492774577.<BODY>' | openssl dgst -sha256 -hmac 'whsec_test_secret'
    static final String SIGNATURE = "6ee6d44f327891247593c48adb1123e1e6c222b3c487f7dc39fc58c8f2616563";
    // The same with secret whsec_other_secret.
    static final String OTHER_SECRETS_SIGNATURE = "09f5f5649b144e312379492a0d2973f699744bc65be5952f742d1ae37fa056bf";

    static final Instant SIGNED_AT = Instant.ofEpochSecond(TIMESTAMP);

    final StripeVerifier verifier = new StripeVerifier(Duration.ofSeconds(300));

    static Deliveries signed(String header) {
        return delivery().header("Stripe-Signature", header).body(BODY);
    }

    Verification verify(Deliveries delivery) {
        return verifier.verify(delivery.build(), SECRET, SIGNED_AT);
    }

    @Test
    void acceptsASignatureComputedFromStripesDocumentedScheme() {
        assertThat(verify(signed("t=" + TIMESTAMP + ",v1=" + SIGNATURE)))
                .isEqualTo(new Verification.Verified(SIGNED_AT));
    }

    @Test
    void theTestSignerAgreesWithOpenSsl() {
        assertThat(WebhookSigning.stripeSignature(SECRET.reveal(), TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheDeliveryWhenAnyV1SignatureMatchesAndIgnoresV0() {
        String header = "t=" + TIMESTAMP + ",v1=" + OTHER_SECRETS_SIGNATURE + ",v1=" + SIGNATURE + ",v0=" + SIGNATURE;

        assertThat(verify(signed(header)).verified()).isTrue();
    }

    @Test
    void readsTheHeaderNameCaseInsensitively() {
        Deliveries lowerCase = delivery()
                .header("stripe-signature", "t=" + TIMESTAMP + ",v1=" + SIGNATURE)
                .body(BODY);

        assertThat(verify(lowerCase).verified()).isTrue();
    }

    @Nested
    class Rejections {

        @Test
        void rejectsASignatureMadeWithAnotherSecret() {
            assertThat(verify(signed("t=" + TIMESTAMP + ",v1=" + OTHER_SECRETS_SIGNATURE)))
                    .extracting(v -> ((Verification.Rejected) v).failure())
                    .isEqualTo(Verification.Failure.SIGNATURE_INVALID);
        }

        @Test
        void rejectsAChangedBody() {
            Deliveries tampered = signed("t=" + TIMESTAMP + ",v1=" + SIGNATURE).body(BODY.replace("payout", "charge"));

            assertThat(verify(tampered).verified()).isFalse();
        }

        @Test
        void rejectsAChangedTimestamp() {
            assertThat(verify(signed("t=" + (TIMESTAMP - 1) + ",v1=" + SIGNATURE))
                            .verified())
                    .isFalse();
        }

        @Test
        void rejectsAMissingHeader() {
            assertThat(verify(delivery().body(BODY)))
                    .isEqualTo(Verification.invalid("The Stripe-Signature header is missing."));
        }

        @Test
        void rejectsAHeaderWithoutTimestamp() {
            assertThat(verify(signed("v1=" + SIGNATURE)))
                    .isEqualTo(
                            Verification.invalid("The Stripe-Signature header has no integer Unix timestamp (t=...)."));
            assertThat(verify(signed("t=yesterday,v1=" + SIGNATURE)).verified()).isFalse();
            assertThat(verify(signed("i'm not even a real signature header")).verified())
                    .isFalse();
        }

        @Test
        void rejectsAHeaderWithOnlyV0Signatures() {
            assertThat(verify(signed("t=" + TIMESTAMP + ",v0=" + SIGNATURE)))
                    .isEqualTo(Verification.invalid("The Stripe-Signature header holds no v1 signature."));
        }

        @Test
        void neverPutsTheSecretOrASignatureIntoARejection() {
            String detail = ((Verification.Rejected)
                            verify(signed("t=" + TIMESTAMP + ",v1=" + OTHER_SECRETS_SIGNATURE)))
                    .detail();

            assertThat(detail)
                    .doesNotContain("whsec_")
                    .doesNotContain(SIGNATURE)
                    .doesNotContain(OTHER_SECRETS_SIGNATURE);
        }
    }

    @Nested
    class Tolerance {

        Verification verifyAt(Instant now) {
            return verifier.verify(signed("t=" + TIMESTAMP + ",v1=" + SIGNATURE).build(), SECRET, now);
        }

        @Test
        void acceptsADeliveryExactly300SecondsOld() {
            assertThat(verifyAt(SIGNED_AT.plusSeconds(300)).verified()).isTrue();
        }

        @Test
        void rejectsADelivery301SecondsOld() {
            assertThat(verifyAt(SIGNED_AT.plusSeconds(301)))
                    .extracting(v -> ((Verification.Rejected) v).failure())
                    .isEqualTo(Verification.Failure.TIMESTAMP_OUT_OF_TOLERANCE);
        }

        @Test
        void rejectsADeliverySignedMoreThanTheToleranceInTheFuture() {
            assertThat(verifyAt(SIGNED_AT.minusSeconds(301)).verified()).isFalse();
            assertThat(verifyAt(SIGNED_AT.minusSeconds(300)).verified()).isTrue();
        }
    }

    @Test
    void acceptsOnlySecretsOfStripesForm() {
        assertThat(verifier.secretProblem(SigningSecret.of("whsec_5f2a9c4e1b7d3a8f6e0c2b9d4a7e1f3c")))
                .isEmpty();
        assertThat(verifier.secretProblem(SigningSecret.of("sk_live_abc"))).isPresent();
        assertThat(verifier.secretProblem(SigningSecret.of("whsec_with space"))).isPresent();
    }

    @Test
    void generatesNoSecretsBecauseStripeIssuesThem() {
        assertThat(verifier.generateSecret(new SecureRandom())).isEmpty();
    }
}
