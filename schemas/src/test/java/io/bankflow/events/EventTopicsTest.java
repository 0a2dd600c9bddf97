package io.bankflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bankflow.events.common.Money;
import io.bankflow.events.reconciliation.DepositMatched;
import io.bankflow.events.sync.StatementFetched;
import org.junit.jupiter.api.Test;

class EventTopicsTest {

    @Test
    void namesEachTopicAfterItsEventInKebabCaseAtVersionOne() {
        EventTopics.all()
                .forEach(topic -> assertThat(topic.topic())
                        .isEqualTo("bankflow." + kebabCase(topic.eventType().getSimpleName()) + ".v1"));
        assertThat(EventTopics.topicFor(StatementFetched.class)).isEqualTo("bankflow.statement-fetched.v1");
    }

    @Test
    void sendsDeadLettersToTheTopicNameWithDltSuffix() {
        assertThat(EventTopics.deadLetterTopicFor(StatementFetched.class))
                .isEqualTo("bankflow.statement-fetched.v1-dlt")
                .isEqualTo(EventTopics.STATEMENT_FETCHED_DLT);
        assertThat(EventTopics.allDeadLetterTopics())
                .hasSameSizeAs(EventTopics.allTopics())
                .allSatisfy(dlt -> assertThat(dlt).endsWith(".v1-dlt"));
    }

    @Test
    void listsEveryTopicOnceAndFindsTheEventThatTravelsOnIt() {
        assertThat(EventTopics.allTopics()).doesNotHaveDuplicates().hasSameSizeAs(EventTopics.allEvents());
        assertThat(EventTopics.eventFor(EventTopics.DEPOSIT_MATCHED)).contains(DepositMatched.class);
        assertThat(EventTopics.eventFor("bankflow.unknown.v1")).isEmpty();
    }

    @Test
    void refusesARecordThatIsNotAnEvent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventTopics.topicFor(Money.class))
                .withMessageContaining(Money.class.getName());
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
