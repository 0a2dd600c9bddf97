package io.bankflow.events.compat;

import static io.bankflow.events.compat.SchemaCompatibilityRules.Level.BACKWARD;
import static io.bankflow.events.compat.SchemaCompatibilityRules.Level.FULL;
import static io.bankflow.events.compat.SchemaCompatibilityRules.requiredLevel;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.events.EventTopics;
import io.bankflow.events.reconciliation.DepositMatched;
import io.bankflow.events.reconciliation.DepositUnmatched;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.events.token.TokenExpired;
import io.bankflow.events.webhook.WebhookReceived;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The build's compatibility gate: the current contracts against the frozen released ones (ADR 0004). */
class ReleasedSchemasCompatibilityTest {

    static final Path CURRENT = Path.of("src/main/avro");
    static final Path RELEASED = Path.of("src/compat/released");

    private final Map<String, Schema> current = AvroSchemaFiles.schemas(CURRENT);
    private final Map<String, Schema> released = AvroSchemaFiles.schemas(RELEASED);

    @Test
    void everyReleasedSchemaIsStillCompatibleWithItsCurrentVersion() {
        assertThat(SchemaCompatibilityRules.violations(released, current)).isEmpty();
    }

    @Test
    void noReleasedSchemaHasBeenDeleted() {
        assertThat(current.keySet()).containsAll(released.keySet());
    }

    @Test
    void everyCatalogedEventHasAReleasedVersionToBeCheckedAgainst() {
        // Guards against a check that passes because it compared nothing.
        assertThat(released.keySet())
                .containsAll(EventTopics.allEvents().stream()
                        .map(type -> SpecificData.get().getSchema(type).getFullName())
                        .toList());
    }

    @Test
    void moneyEventsMustStayFullyCompatibleAndOtherEventsBackwardCompatible() {
        assertThat(requiredLevel(StatementFetched.getClassSchema())).isEqualTo(FULL);
        assertThat(requiredLevel(DepositMatched.getClassSchema())).isEqualTo(FULL);
        assertThat(requiredLevel(DepositUnmatched.getClassSchema())).isEqualTo(FULL);

        assertThat(requiredLevel(SyncRequested.getClassSchema())).isEqualTo(BACKWARD);
        assertThat(requiredLevel(TokenExpired.getClassSchema())).isEqualTo(BACKWARD);
        assertThat(requiredLevel(WebhookReceived.getClassSchema())).isEqualTo(BACKWARD);
    }
}
