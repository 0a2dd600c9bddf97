package io.bankflow.events.compat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Bankflow's compatibility rules for event contracts (ADR 0004), checked against the released copies.
 *
 * <ul>
 *   <li>A released schema is never deleted.
 *   <li>BACKWARD for every schema: the current schema, as reader, reads data written with the released one.
 *   <li>FULL for money schemas (those containing {@value #MONEY}): additionally the released schema, as reader, reads
 *       data written with the current one, because consumers of money events upgrade on their own schedule and must
 *       not drop or misread amounts meanwhile.
 *   <li>No field that exists in both versions changes its logical type (Avro's own check ignores logical types).
 * </ul>
 */
public final class SchemaCompatibilityRules {

    /** Full name of the money type whose presence makes a schema a money schema. */
    public static final String MONEY = "io.bankflow.events.common.Money";

    /** The compatibility a schema must keep with its released version. */
    public enum Level {
        /** New reader reads old data. */
        BACKWARD,
        /** BACKWARD, and old reader reads new data. */
        FULL
    }

    private SchemaCompatibilityRules() {}

    /** FULL for schemas that contain money anywhere, BACKWARD for all others. */
    public static Level requiredLevel(Schema schema) {
        return containsNamedType(schema, MONEY) ? Level.FULL : Level.BACKWARD;
    }

    /**
     * Every way the current schemas break the released ones.
     *
     * @param released the released schemas by full name
     * @param current the current schemas by full name
     * @return human-readable violations; empty when the current schemas may be released
     */
    public static List<String> violations(Map<String, Schema> released, Map<String, Schema> current) {
        List<String> violations = new ArrayList<>();
        released.forEach((name, releasedSchema) -> {
            Schema currentSchema = current.get(name);
            if (currentSchema == null) {
                violations.add(name + ": released schema was deleted (a removed event needs a new topic version,"
                        + " and the released one stays until its topic is retired)");
                return;
            }
            Level level = requiredLevel(releasedSchema) == Level.FULL ? Level.FULL : requiredLevel(currentSchema);
            violations.addAll(violations(name, releasedSchema, currentSchema, level));
        });
        return violations;
    }

    /** Violations of one schema pair at a given level. */
    public static List<String> violations(String name, Schema released, Schema current, Level level) {
        List<String> violations = new ArrayList<>();
        describe(name, "BACKWARD (current reader, released writer)", current, released, violations);
        if (level == Level.FULL) {
            describe(name, "FORWARD part of FULL (released reader, current writer)", released, current, violations);
        }
        violations.addAll(logicalTypeChanges(name, released, current));
        return violations;
    }

    /**
     * Avro's resolution ignores logical types, so a decimal whose scale changed, or a timestamp-millis that became
     * timestamp-micros, would pass its check and then be misread by a factor of ten or a thousand. Bankflow forbids
     * changing the logical type (with its parameters) of any field that exists in both versions.
     */
    static List<String> logicalTypeChanges(String name, Schema released, Schema current) {
        Map<String, String> before = logicalTypes(released);
        Map<String, String> after = logicalTypes(current);
        List<String> changes = new ArrayList<>();
        before.forEach((path, logicalType) -> {
            String now = after.get(path);
            if (now != null && !now.equals(logicalType)) {
                changes.add("%s: logical type changed at %s: %s -> %s".formatted(name, path, logicalType, now));
            }
        });
        return changes;
    }

    private static Map<String, String> logicalTypes(Schema schema) {
        Map<String, String> types = new TreeMap<>();
        collectLogicalTypes(schema, "", types, new HashSet<>());
        return types;
    }

    private static void collectLogicalTypes(Schema schema, String path, Map<String, String> out, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    collectLogicalTypes(field.schema(), path + "/" + field.name(), out, seen);
                }
            }
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    collectLogicalTypes(branch, path + "|" + branchName(branch), out, seen);
                }
            }
            case ARRAY -> collectLogicalTypes(schema.getElementType(), path + "[]", out, seen);
            case MAP -> collectLogicalTypes(schema.getValueType(), path + "{}", out, seen);
            default -> out.put(path, describeLogicalType(schema));
        }
    }

    private static String branchName(Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getFullName();
            default -> branch.getType().getName();
        };
    }

    private static String describeLogicalType(Schema schema) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType == null) {
            return schema.getType().getName();
        }
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            return "%s decimal(%d,%d)"
                    .formatted(schema.getType().getName(), decimal.getPrecision(), decimal.getScale());
        }
        return schema.getType().getName() + " " + logicalType.getName();
    }

    private static void describe(String name, String direction, Schema reader, Schema writer, List<String> out) {
        SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            out.add("%s: not %s: %s at %s (%s): %s"
                    .formatted(
                            name,
                            direction,
                            incompatibility.getType(),
                            fieldPath(reader, incompatibility.getLocation()),
                            incompatibility.getLocation(),
                            incompatibility.getMessage()));
        }
    }

    /**
     * Turns Avro's location in the reader schema (a JSON pointer such as {@code /fields/5/type}) into field names
     * (such as {@code receivedAt}), so a violation says which field is wrong.
     */
    static String fieldPath(Schema reader, String location) {
        StringBuilder path = new StringBuilder();
        Schema current = reader;
        String[] tokens = location.split("/");
        try {
            for (int i = 1; i < tokens.length; i++) {
                switch (tokens[i]) {
                    case "fields" -> {
                        Schema.Field field = current.getFields().get(Integer.parseInt(tokens[++i]));
                        path.append(path.isEmpty() ? "" : ".").append(field.name());
                        current = field.schema();
                    }
                    case "items" -> {
                        current = current.getElementType();
                        path.append("[]");
                    }
                    case "values" -> {
                        current = current.getValueType();
                        path.append("{}");
                    }
                    case "type", "name", "size", "symbols" -> {}
                    default -> {
                        if (current.getType() == Schema.Type.UNION) {
                            current = current.getTypes().get(Integer.parseInt(tokens[i]));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return location;
        }
        return path.isEmpty() ? "<record>" : path.toString();
    }

    /** True when {@code schema} is, or contains anywhere (fields, unions, arrays, maps), the named type. */
    public static boolean containsNamedType(Schema schema, String fullName) {
        return containsNamedType(schema, fullName, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean containsNamedType(Schema schema, String fullName, Set<Schema> visited) {
        if (!visited.add(schema)) {
            return false;
        }
        return switch (schema.getType()) {
            case RECORD ->
                schema.getFullName().equals(fullName)
                        || schema.getFields().stream().anyMatch(f -> containsNamedType(f.schema(), fullName, visited));
            case UNION -> schema.getTypes().stream().anyMatch(t -> containsNamedType(t, fullName, visited));
            case ARRAY -> containsNamedType(schema.getElementType(), fullName, visited);
            case MAP -> containsNamedType(schema.getValueType(), fullName, visited);
            case ENUM, FIXED -> schema.getFullName().equals(fullName);
            default -> false;
        };
    }
}
