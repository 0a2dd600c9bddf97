package io.bankflow.webhookingest.providers.domain;

import static io.bankflow.webhookingest.providers.domain.Deliveries.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeEventFormatTest {

    final StripeEventFormat format = new StripeEventFormat();
    final WebhookDelivery delivery = delivery()
            .header(
                    "Stripe-Signature",
                    "t=1492774577,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")
            .header("Content-Type", "application/json; charset=utf-8")
            .build();

    @Test
    void takesIdTypeAndConnectedAccountFromTheEventObject() {
        DeliveryDescription description = format.describe(
                delivery,
                new MapPayload(Map.of("id", "evt_1", "object", "event", "type", "payout.paid", "account", "acct_1")));

        assertThat(description.providerEventId()).isEqualTo("evt_1");
        assertThat(description.eventType()).isEqualTo("payout.paid");
        assertThat(description.subjectRef()).isEqualTo("acct_1");
    }

    @Test
    void refusesAnEventWithoutId() {
        assertThatThrownBy(() -> format.describe(delivery, new MapPayload(Map.of("type", "payout.paid"))))
                .isInstanceOf(MalformedDeliveryException.class)
                .hasMessage("The body has no event 'id'.");
    }

    @Test
    void neverKeepsTheSignatureHeader() {
        assertThat(format.describe(delivery, new MapPayload(Map.of("id", "evt_1")))
                        .retainedHeaders())
                .containsOnlyKeys("content-type");
    }
}
