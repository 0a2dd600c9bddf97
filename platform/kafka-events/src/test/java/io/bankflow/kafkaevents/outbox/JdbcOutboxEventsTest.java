package io.bankflow.kafkaevents.outbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.bankflow.kafkaevents.testapp.Events;
import java.sql.Connection;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class JdbcOutboxEventsTest {

    private final DataSource dataSource = mock(DataSource.class);

    @SuppressWarnings("unchecked")
    private final Serializer<Object> serializer = mock(Serializer.class);

    private final JdbcOutboxEvents outbox =
            new JdbcOutboxEvents(dataSource, new OutboxStore(mock()), serializer, () -> {});

    @AfterEach
    void leaveNoTransactionState() {
        if (TransactionSynchronizationManager.hasResource(dataSource)) {
            TransactionSynchronizationManager.unbindResource(dataSource);
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void refusesAnAppendOutsideATransactionBeforeTouchingAnything() {
        assertThatThrownBy(() -> outbox.append("topic", "key", Events.syncRequested("key", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@Transactional");
        verifyNoInteractions(serializer, dataSource);
    }

    @Test
    void refusesAnAppendInATransactionOnAnotherResource() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> outbox.append("topic", "key", Events.syncRequested("key", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DataSource");
        verifyNoInteractions(serializer);
    }

    @Test
    void refusesABlankTopicOrKey() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(mock(Connection.class)));

        assertThatThrownBy(() -> outbox.append(" ", "key", Events.syncRequested("key", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> outbox.append("topic", "", Events.syncRequested("key", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        verifyNoInteractions(serializer);
    }
}
