package io.bankflow.events.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;

/**
 * Proves the gate in {@link ReleasedSchemasCompatibilityTest} can fail: each test makes one change to a copy of the
 * released contracts and runs the same {@link SchemaCompatibilityRules#violations(Map, Map)} the build runs.
 */
class SchemaCompatibilityRulesTest {

    private static final String SYNC_REQUESTED = "io.bankflow.events.sync.SyncRequested";
    private static final String SYNC_JOB_COMPLETED = "io.bankflow.events.sync.SyncJobCompleted";
    private static final String WEBHOOK_RECEIVED = "io.bankflow.events.webhook.WebhookReceived";
    private static final String STATEMENT_FETCHED = "io.bankflow.events.sync.StatementFetched";
    private static final String DEPOSIT_MATCHED = "io.bankflow.events.reconciliation.DepositMatched";
    private static final String TOKEN_EXPIRED = "io.bankflow.events.token.TokenExpired";
    private static final String MONEY = "io.bankflow.events.common.Money";

    private final Map<String, Schema> released = AvroSchemaFiles.schemas(ReleasedSchemasCompatibilityTest.RELEASED);

    @Test
    void acceptsTheReleasedSchemasUnchanged() {
        assertThat(SchemaCompatibilityRules.violations(released, released)).isEmpty();
    }

    @Test
    void rejectsAFieldAddedWithoutADefault() {
        var current = changed(SYNC_REQUESTED, s -> withField(s, new Field("priority", Schema.create(Schema.Type.INT))));

        assertThat(SchemaCompatibilityRules.violations(released, current))
                .singleElement()
                .asString()
                .startsWith(SYNC_REQUESTED + ": not BACKWARD")
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("priority");
    }

    @Test
    void acceptsAnOptionalFieldAddedWithANullDefaultEvenToAMoneyEvent() {
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        var current = changed(
                STATEMENT_FETCHED,
                s -> withField(s, new Field("statementId", optionalString, "doc", Field.NULL_DEFAULT_VALUE)));

        assertThat(SchemaCompatibilityRules.violations(released, current)).isEmpty();
    }

    @Test
    void rejectsAFieldWhoseTypeChanged() {
        var current =
                changed(WEBHOOK_RECEIVED, s -> withFieldSchema(s, "receivedAt", Schema.create(Schema.Type.STRING)));

        assertThat(SchemaCompatibilityRules.violations(released, current))
                .anySatisfy(v -> assertThat(v)
                        .startsWith(WEBHOOK_RECEIVED + ": not BACKWARD")
                        .contains("TYPE_MISMATCH")
                        .contains("receivedAt"));
    }

    @Test
    void rejectsAFieldRemovedWithoutADefaultFromAMoneyEvent() {
        var current = changed(DEPOSIT_MATCHED, s -> withoutField(s, "customerCode"));

        assertThat(SchemaCompatibilityRules.violations(released, current))
                .singleElement()
                .asString()
                .startsWith(DEPOSIT_MATCHED + ": not FORWARD part of FULL")
                .contains("customerCode");
    }

    @Test
    void allowsAFieldRemovedFromAnEventWithoutMoneyBecauseOnlyBackwardIsRequired() {
        var current = changed(SYNC_JOB_COMPLETED, s -> withoutField(s, "errorCount"));

        assertThat(SchemaCompatibilityRules.violations(released, current)).isEmpty();
    }

    @Test
    void rejectsAChangedDecimalScaleThatAvroAloneWouldAccept() {
        Schema scaleTwo = LogicalTypes.decimal(24, 2).addToSchema(Schema.create(Schema.Type.BYTES));
        var current = changedEverywhere(MONEY, s -> withFieldSchema(s, "amount", scaleTwo));

        assertThat(SchemaCompatibilityRules.violations(released, current))
                .contains(MONEY + ": logical type changed at /amount: bytes decimal(24,6) -> bytes decimal(24,2)")
                .anySatisfy(v -> assertThat(v)
                        .startsWith(STATEMENT_FETCHED + ": logical type changed at /lines[]/amount/amount"));
    }

    @Test
    void rejectsADeletedReleasedEvent() {
        Map<String, Schema> current = new LinkedHashMap<>(released);
        current.remove(TOKEN_EXPIRED);

        assertThat(SchemaCompatibilityRules.violations(released, current))
                .singleElement()
                .asString()
                .startsWith(TOKEN_EXPIRED + ": released schema was deleted");
    }

    private Map<String, Schema> changed(String name, UnaryOperator<Schema> change) {
        Map<String, Schema> current = new LinkedHashMap<>(released);
        current.put(name, change.apply(released.get(name)));
        return current;
    }

    /** Changes a shared type and every released schema that contains it, as recompiling the tree would. */
    private Map<String, Schema> changedEverywhere(String name, UnaryOperator<Schema> change) {
        Schema replacement = change.apply(released.get(name));
        Map<String, Schema> current = new LinkedHashMap<>();
        released.forEach((n, s) -> current.put(n, replace(s, name, replacement, new LinkedHashMap<>())));
        return current;
    }

    private static Schema replace(Schema schema, String name, Schema replacement, Map<String, Schema> done) {
        return switch (schema.getType()) {
            case RECORD -> {
                if (schema.getFullName().equals(name)) {
                    yield replacement;
                }
                if (done.containsKey(schema.getFullName())) {
                    yield done.get(schema.getFullName());
                }
                List<Field> fields = new ArrayList<>();
                for (Field f : schema.getFields()) {
                    fields.add(new Field(f, replace(f.schema(), name, replacement, done)));
                }
                Schema copy = copyOf(schema, fields);
                done.put(schema.getFullName(), copy);
                yield copy;
            }
            case UNION ->
                Schema.createUnion(schema.getTypes().stream()
                        .map(t -> replace(t, name, replacement, done))
                        .toList());
            case ARRAY -> Schema.createArray(replace(schema.getElementType(), name, replacement, done));
            case MAP -> Schema.createMap(replace(schema.getValueType(), name, replacement, done));
            default -> schema;
        };
    }

    private static Schema withField(Schema record, Field added) {
        List<Field> fields = copyFields(record);
        fields.add(added);
        return copyOf(record, fields);
    }

    private static Schema withoutField(Schema record, String name) {
        List<Field> fields = copyFields(record);
        fields.removeIf(f -> f.name().equals(name));
        return copyOf(record, fields);
    }

    private static Schema withFieldSchema(Schema record, String name, Schema type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : record.getFields()) {
            fields.add(f.name().equals(name) ? new Field(f.name(), type, f.doc()) : new Field(f, f.schema()));
        }
        return copyOf(record, fields);
    }

    private static List<Field> copyFields(Schema record) {
        List<Field> fields = new ArrayList<>();
        for (Field f : record.getFields()) {
            fields.add(new Field(f, f.schema()));
        }
        return fields;
    }

    private static Schema copyOf(Schema record, List<Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
