package io.bankflow.testinfra;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for tests without Spring: injects a {@link TestDatabase} parameter (constructor, lifecycle or test
 * method), one database per test class, dropped after the class.
 *
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class JdbcStatementLinesIT {
 *     private final TestDatabase database;
 *
 *     JdbcStatementLinesIT(TestDatabase database) {
 *         this.database = database;
 *     }
 * }
 * }</pre>
 *
 * Kafka and the registry need no extension: {@link TestKafka#bootstrapServers()} and {@link TestRegistry#ccompatUrl()}.
 */
public final class TestDatabaseExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext classContext = classContext(extensionContext);
        Class<?> testClass = classContext.getRequiredTestClass();
        // Stored in the class's context: JUnit closes AutoCloseable store values when that context ends, which drops
        // it.
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        testClass, type -> TestPostgres.createDatabase(type.getSimpleName()), TestDatabase.class);
    }

    /** The context of the test class itself, also when asked from a test method's context. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
