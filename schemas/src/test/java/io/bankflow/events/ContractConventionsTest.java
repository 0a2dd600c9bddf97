package io.bankflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.events.compat.AvroSchemaFiles;
import io.bankflow.events.compat.AvroSchemaFiles.SchemaFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The rules every contract in src/main/avro follows (CONVENTIONS.md, ADR 0004). */
class ContractConventionsTest {

    private static final String EVENT_METADATA = "io.bankflow.events.common.EventMetadata";

    private final Map<String, SchemaFile> files = AvroSchemaFiles.load(Path.of("src/main/avro"));

    @Test
    void everyRecordFieldAndEnumHasADoc() {
        List<String> undocumented = new ArrayList<>();
        forEachNamedType((schema, file) -> {
            if (isBlank(schema.getDoc())) {
                undocumented.add(file + ": " + schema.getType() + " " + schema.getFullName());
            }
            if (schema.getType() == Schema.Type.RECORD) {
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        undocumented.add(file + ": field " + schema.getFullName() + "." + field.name());
                    }
                }
            }
        });

        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyFileHoldsOneRecordAtThePathOfItsFullNameInABankflowEventsNamespace() {
        files.forEach((name, file) -> {
            assertThat(file.schema().getType()).as(name).isEqualTo(Schema.Type.RECORD);
            assertThat(file.relativePath().toString().replace('\\', '/')).isEqualTo(name.replace('.', '/') + ".avsc");
            assertThat(file.schema().getNamespace()).startsWith("io.bankflow.events.");
        });
    }

    @Test
    void everyRecordThatStartsWithMetadataIsAnEventInTheTopicCatalogAndViceVersa() {
        List<String> eventsInFiles = files.values().stream()
                .map(SchemaFile::schema)
                .filter(ContractConventionsTest::startsWithMetadata)
                .map(Schema::getFullName)
                .toList();
        List<String> catalogedEvents = EventTopics.allEvents().stream()
                .map(type -> SpecificData.get().getSchema(type))
                .peek(schema -> assertThat(startsWithMetadata(schema))
                        .as(schema.getFullName() + " has metadata: EventMetadata as its first field")
                        .isTrue())
                .map(Schema::getFullName)
                .toList();

        assertThat(eventsInFiles).containsExactlyInAnyOrderElementsOf(catalogedEvents);
    }

    @Test
    void everyEventDocumentsItsKafkaKey() {
        EventTopics.allEvents()
                .forEach(type -> assertThat(SpecificData.get().getSchema(type).getDoc())
                        .as(type.getSimpleName())
                        .contains("Kafka key: "));
    }

    @Test
    void everyOptionalFieldIsANullFirstUnionWithANullDefault() {
        List<String> wrong = new ArrayList<>();
        forEachNamedType((schema, file) -> {
            if (schema.getType() != Schema.Type.RECORD) {
                return;
            }
            for (Schema.Field field : schema.getFields()) {
                if (field.schema().isNullable()
                        && (field.schema().getType() != Schema.Type.UNION
                                || field.schema().getTypes().getFirst().getType() != Schema.Type.NULL
                                || !field.hasDefaultValue()
                                || field.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE)) {
                    wrong.add(schema.getFullName() + "." + field.name());
                }
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void nothingIsFloatingPoint() {
        List<String> floating = new ArrayList<>();
        forEachNamedType((schema, file) -> {
            if (schema.getType() == Schema.Type.RECORD) {
                for (Schema.Field field : schema.getFields()) {
                    if (mentionsFloatingPoint(field.schema())) {
                        floating.add(schema.getFullName() + "." + field.name());
                    }
                }
            }
        });

        assertThat(floating).isEmpty();
    }

    private static boolean mentionsFloatingPoint(Schema schema) {
        return switch (schema.getType()) {
            case FLOAT, DOUBLE -> true;
            case UNION -> schema.getTypes().stream().anyMatch(ContractConventionsTest::mentionsFloatingPoint);
            case ARRAY -> mentionsFloatingPoint(schema.getElementType());
            case MAP -> mentionsFloatingPoint(schema.getValueType());
            default -> false;
        };
    }

    private static boolean startsWithMetadata(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD || schema.getFields().isEmpty()) {
            return false;
        }
        Schema.Field first = schema.getFields().getFirst();
        return first.name().equals("metadata")
                && first.schema().getType() == Schema.Type.RECORD
                && first.schema().getFullName().equals(EVENT_METADATA);
    }

    /** Visits every record, enum and fixed reachable from the files, each once, with the file it was reached from. */
    private void forEachNamedType(BiConsumer<Schema, Path> visitor) {
        Set<String> seen = new HashSet<>();
        files.values().forEach(file -> visit(file.schema(), file.relativePath(), visitor, seen));
    }

    private static void visit(Schema schema, Path file, BiConsumer<Schema, Path> visitor, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    visitor.accept(schema, file);
                    schema.getFields().forEach(f -> visit(f.schema(), file, visitor, seen));
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema.getFullName())) {
                    visitor.accept(schema, file);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> visit(t, file, visitor, seen));
            case ARRAY -> visit(schema.getElementType(), file, visitor, seen);
            case MAP -> visit(schema.getValueType(), file, visitor, seen);
            default -> {}
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
