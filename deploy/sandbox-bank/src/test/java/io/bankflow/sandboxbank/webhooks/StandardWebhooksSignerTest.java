package io.bankflow.sandboxbank.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardWebhooksSignerTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        // The example of the Standard Webhooks specification (spec/standard-webhooks.md, "Verifying signatures").
        StandardWebhooksSigner signer = new StandardWebhooksSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String body = "{\"test\": 2432232314}";

        assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void refusesMalformedSecrets() {
        assertThatThrownBy(() -> new StandardWebhooksSigner("whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandardWebhooksSigner("whsec_c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
