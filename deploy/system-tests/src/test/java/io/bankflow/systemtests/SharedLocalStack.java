package io.bankflow.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for every system test of the JVM: {@code ./bankflow up} is slow (it starts ten JVMs and runs the demo),
 * so the first test class that needs the stack starts it and the root extension context stops it after the last
 * class. A failed start is remembered, so later classes fail at once instead of trying again.
 *
 * <p>Test classes declare {@code @ExtendWith(SharedLocalStack.class)} and take a {@link LocalStack} parameter in their
 * {@code @BeforeAll}.
 */
final class SharedLocalStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedLocalStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class);
        if (started.failure() != null) {
            throw new IllegalStateException("the shared stack did not start", started.failure());
        }
        return started.stack();
    }

    /** The stack, or why it did not start; closed with the root context (JUnit closes AutoCloseable values). */
    private record Started(LocalStack stack, Exception failure) implements AutoCloseable {

        static Started start() {
            try {
                return new Started(LocalStack.startCold(), null);
            } catch (Exception e) {
                return new Started(null, e);
            }
        }

        @Override
        public void close() throws Exception {
            if (stack != null) {
                stack.close();
            }
        }
    }
}
