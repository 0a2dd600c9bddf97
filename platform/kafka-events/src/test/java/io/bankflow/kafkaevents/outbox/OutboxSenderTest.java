package io.bankflow.kafkaevents.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;

class OutboxSenderTest {

    @Test
    void treatsABrokerThatDidNotAnswerAsATimeoutWhereverItIsInTheCauseChain() {
        var metadataTimeout = new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata");

        assertThat(OutboxSender.isTimeout(new KafkaException("Send failed", metadataTimeout)))
                .isTrue();
        assertThat(OutboxSender.isTimeout(new TimeoutException())).isTrue();
    }

    @Test
    void treatsARefusedRecordAsAFailureOfThatRecordOnly() {
        assertThat(OutboxSender.isTimeout(new KafkaException("Send failed", new RecordTooLargeException("too big"))))
                .isFalse();
        assertThat(OutboxSender.isTimeout(new IllegalStateException("closed"))).isFalse();
    }

    @Test
    void describesAFailureWithItsCauses() {
        String description = OutboxPublisher.describe(
                new KafkaException("Send failed", new RecordTooLargeException("The message is 1200000 bytes")));

        assertThat(description)
                .contains("Send failed")
                .contains("RecordTooLargeException: The message is 1200000 bytes");
    }
}
