package io.bankflow.kafkaevents.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.events.common.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventMetadataFactoryTest {

    private final EventMetadataFactory factory =
            new EventMetadataFactory(Clock.fixed(Instant.parse("2025-05-01T10:15:30.123456Z"), ZoneOffset.UTC));

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void takesTheCorrelationIdOfTheCurrentRequest() {
        MDC.put(Correlation.MDC_KEY, "corr-request");

        EventMetadata metadata = factory.newMetadata("org-1");

        assertThat(metadata.getCorrelationId()).isEqualTo("corr-request");
        assertThat(metadata.getOrgId()).isEqualTo("org-1");
        assertThat(metadata.getCausationId()).isNull();
        assertThat(metadata.getEventId()).isNotNull();
        assertThat(metadata.getOccurredAt()).isEqualTo(Instant.parse("2025-05-01T10:15:30.123Z"));
    }

    @Test
    void startsANewCorrelationWhenThereIsNoneAndLeavesTheMdcAlone() {
        EventMetadata first = factory.newMetadata("org-1");
        EventMetadata second = factory.newMetadata("org-1");

        assertThat(first.getCorrelationId()).isNotBlank().isNotEqualTo(second.getCorrelationId());
        assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
    }

    @Test
    void continuesTheCorrelationOfTheEventThatCausedIt() {
        EventMetadata cause = factory.newMetadata("org-7");

        EventMetadata effect = factory.causedBy(cause);

        assertThat(effect.getCorrelationId()).isEqualTo(cause.getCorrelationId());
        assertThat(effect.getCausationId()).isEqualTo(cause.getEventId().toString());
        assertThat(effect.getOrgId()).isEqualTo("org-7");
        assertThat(effect.getEventId()).isNotEqualTo(cause.getEventId());
    }

    @Test
    void refusesAnEventWithoutTenant() {
        assertThatThrownBy(() -> factory.newMetadata(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
