package io.bankflow.events.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** Loads a tree of {@code .avsc} files (one named schema per file) the way the Avro compiler sees them. */
public final class AvroSchemaFiles {

    /** A parsed schema file: its path relative to the tree's root and its (resolved) top-level schema. */
    public record SchemaFile(Path relativePath, Schema schema) {}

    private AvroSchemaFiles() {}

    /**
     * Parses every {@code .avsc} under {@code root} with one parser, so files may refer to types defined in other
     * files of the same tree, in any order.
     *
     * @return the files by the full name of their top-level schema, sorted by path
     */
    public static Map<String, SchemaFile> load(Path root) {
        SchemaParser parser = new SchemaParser();
        List<Path> files = avscFiles(root);
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        for (Path file : files) {
            try {
                results.add(parser.parse(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot parse " + file + ": " + e.getMessage(), e);
            }
        }
        Map<String, SchemaFile> byName = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Schema schema = parser.resolve(results.get(i));
            SchemaFile previous =
                    byName.put(schema.getFullName(), new SchemaFile(root.relativize(files.get(i)), schema));
            if (previous != null) {
                throw new IllegalStateException(schema.getFullName() + " is defined twice under " + root);
            }
        }
        return byName;
    }

    /** The schemas of {@link #load(Path)} by full name. */
    public static Map<String, Schema> schemas(Path root) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        load(root).forEach((name, file) -> schemas.put(name, file.schema()));
        return schemas;
    }

    private static List<Path> avscFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
