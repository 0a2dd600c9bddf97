package io.bankflow.testinfra;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered by {@link ServiceIntegrationTest} itself (not in {@code spring.factories}), so it never touches the other
 * Spring tests of a module.
 */
final class TestServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        // Also finds the annotation on the enclosing class of a @Nested test.
        ServiceIntegrationTest annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, ServiceIntegrationTest.class);
        if (annotation == null) {
            return null;
        }
        Set<TestServer> servers = EnumSet.noneOf(TestServer.class);
        servers.addAll(List.of(annotation.servers()));
        return new TestServersContextCustomizer(servers);
    }
}
