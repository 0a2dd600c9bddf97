package io.bankflow.webhookingest.providers.domain;

import static io.bankflow.webhookingest.providers.domain.Deliveries.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxBankEventFormatTest {

    final SandboxBankEventFormat format = new SandboxBankEventFormat();

    final Deliveries signed = delivery()
            .header("webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W")
            .header("webhook-timestamp", "1674087231")
            .header("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
            .header("Content-Type", "application/json")
            .header("User-Agent", "sandbox-bank/1.0")
            .header("X-Forwarded-For", "10.0.0.7");

    @Test
    void takesTheEventIdFromTheWebhookIdHeaderAndTheTypeFromTheBody() {
        DeliveryDescription description = format.describe(
                signed.build(), new MapPayload(Map.of("type", "transactions.available", "data", Map.of())));

        assertThat(description.providerEventId()).isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        assertThat(description.eventType()).isEqualTo("transactions.available");
        assertThat(description.subjectRef()).isNull();
        assertThat(description.orderingKey()).isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
    }

    @Test
    void namesTheAccountAsSubjectAndOrderingKey() {
        DeliveryDescription description = format.describe(
                signed.build(),
                new MapPayload(Map.of("type", "transactions.available", "data", Map.of("accountId", "acc-123"))));

        assertThat(description.subjectRef()).isEqualTo("acc-123");
        assertThat(description.orderingKey()).isEqualTo("acc-123");
    }

    @Test
    void fallsBackToTheConsentWhenNoAccountIsNamed() {
        DeliveryDescription description = format.describe(
                signed.build(),
                new MapPayload(Map.of("type", "consent.expiring", "data", Map.of("consentId", "cns-9"))));

        assertThat(description.subjectRef()).isEqualTo("cns-9");
    }

    @Test
    void callsATypelessEventUnknown() {
        assertThat(format.describe(signed.build(), new MapPayload(Map.of())).eventType())
                .isEqualTo(DeliveryDescription.UNKNOWN_TYPE);
    }

    @Test
    void keepsTheIdTimestampAndContentHeadersButNeverTheSignature() {
        DeliveryDescription description = format.describe(signed.build(), new MapPayload(Map.of()));

        assertThat(description.retainedHeaders())
                .containsOnlyKeys("webhook-id", "webhook-timestamp", "content-type", "user-agent")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void refusesValuesTooLongToStore() {
        assertThatThrownBy(() -> format.describe(signed.build(), new MapPayload(Map.of("type", "t".repeat(129)))))
                .isInstanceOf(MalformedDeliveryException.class)
                .hasMessage("The body's 'type' is longer than 128 characters.");
        assertThatThrownBy(() -> format.describe(
                        signed.header("webhook-id", "m".repeat(256)).build(), new MapPayload(Map.of())))
                .isInstanceOf(MalformedDeliveryException.class);
    }
}
