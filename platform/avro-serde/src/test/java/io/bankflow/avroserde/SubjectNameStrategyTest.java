package io.bankflow.avroserde;

import static io.bankflow.avroserde.SubjectNameStrategy.RECORD_NAME;
import static io.bankflow.avroserde.SubjectNameStrategy.TOPIC_NAME;
import static io.bankflow.avroserde.SubjectNameStrategy.TOPIC_RECORD_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.events.sync.StatementFetched;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategyTest {

    private static final String TOPIC = "bankflow.statement-fetched.v1";

    @ParameterizedTest
    @CsvSource({
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, TOPIC_NAME",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD_NAME",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, TOPIC_RECORD_NAME",
        "TopicNameStrategy, TOPIC_NAME",
        "recordnamestrategy, RECORD_NAME",
        "TOPIC_RECORD_NAME, TOPIC_RECORD_NAME",
        "shaded.io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD_NAME"
    })
    void acceptsConfluentClassNamesAndShortNames(String configured, SubjectNameStrategy expected) {
        assertThat(SubjectNameStrategy.parse(configured, "value.subject.name.strategy"))
                .isEqualTo(expected);
    }

    @Test
    void acceptsAClassObjectAsKafkaMayPassOne() {
        assertThat(SubjectNameStrategy.parse(TopicRecordNameStrategy.class, "value.subject.name.strategy"))
                .isEqualTo(TOPIC_RECORD_NAME);
    }

    @Test
    void rejectsAnUnknownStrategyAndListsTheAcceptedOnes() {
        assertThatThrownBy(() -> SubjectNameStrategy.parse("com.example.MyStrategy", "value.subject.name.strategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("com.example.MyStrategy")
                .hasMessageContaining("io.confluent.kafka.serializers.subject.TopicNameStrategy");
    }

    @Test
    void derivesSubjectsAsConfluentDoes() {
        var schema = StatementFetched.getClassSchema();

        assertThat(TOPIC_NAME.subject(TOPIC, false, schema)).isEqualTo(TOPIC + "-value");
        assertThat(TOPIC_NAME.subject(TOPIC, true, schema)).isEqualTo(TOPIC + "-key");
        assertThat(RECORD_NAME.subject(TOPIC, false, schema)).isEqualTo("io.bankflow.events.sync.StatementFetched");
        assertThat(TOPIC_RECORD_NAME.subject(TOPIC, false, schema))
                .isEqualTo(TOPIC + "-io.bankflow.events.sync.StatementFetched");
    }

    /** Stands in for Confluent's class, which is not on the class path. */
    static final class TopicRecordNameStrategy {}
}
