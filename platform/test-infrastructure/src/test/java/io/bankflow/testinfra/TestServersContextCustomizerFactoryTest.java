package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

/** The customizer is part of Spring's context cache key: equal configurations must share a context (and database). */
class TestServersContextCustomizerFactoryTest {

    private final TestServersContextCustomizerFactory factory = new TestServersContextCustomizerFactory();

    @Test
    void classesAskingForTheSameServersGetEqualCustomizersSoTheyShareAContext() {
        assertThat(customizerFor(AllServersOne.class)).isEqualTo(customizerFor(AllServersTwo.class));
        assertThat(customizerFor(AllServersOne.class).hashCode())
                .isEqualTo(customizerFor(AllServersTwo.class).hashCode());
    }

    @Test
    void classesAskingForDifferentServersGetDifferentContexts() {
        assertThat(customizerFor(AllServersOne.class)).isNotEqualTo(customizerFor(DatabaseOnly.class));
    }

    @Test
    void ignoresTestsWithoutTheAnnotation() {
        assertThat(factory.createContextCustomizer(NotAnnotated.class, List.of()))
                .isNull();
    }

    @Test
    void nestedTestsInheritTheEnclosingClassesServers() {
        assertThat(customizerFor(DatabaseOnly.Inner.class)).isEqualTo(customizerFor(DatabaseOnly.class));
    }

    private ContextCustomizer customizerFor(Class<?> testClass) {
        ContextCustomizer customizer = factory.createContextCustomizer(testClass, List.of());
        assertThat(customizer).isNotNull();
        return customizer;
    }

    @ServiceIntegrationTest
    static class AllServersOne {}

    @ServiceIntegrationTest(properties = "x=y")
    static class AllServersTwo {}

    @ServiceIntegrationTest(servers = TestServer.POSTGRES)
    static class DatabaseOnly {
        @Nested
        class Inner {}
    }

    static class NotAnnotated {}
}
