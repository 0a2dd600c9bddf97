package io.bankflow.testinfra;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts (or reuses) the servers a {@link ServiceIntegrationTest} asks for and hands their coordinates to the
 * application as properties.
 *
 * <p>Equality is part of Spring's context cache key: customizers asking for the same servers are equal, so they do not
 * stop test classes from sharing a context. The database is created in {@link #customizeContext}, which runs once per
 * context actually started; a cached context keeps its database.
 */
final class TestServersContextCustomizer implements ContextCustomizer {

    static final String SERVERS_PROPERTY_SOURCE = "bankflowTestServers";
    static final String DEFAULTS_PROPERTY_SOURCE = "bankflowTestServerDefaults";
    static final String DATABASE_BEAN = "bankflowTestDatabase";

    /** Below every other source: defaults for many cached contexts sharing one server's connections. */
    private static final Map<String, Object> POOL_DEFAULTS = Map.of(
            "spring.datasource.hikari.maximum-pool-size", "5",
            "spring.datasource.hikari.minimum-idle", "0",
            "spring.datasource.hikari.idle-timeout", "10000");

    private final Set<TestServer> servers;

    TestServersContextCustomizer(Set<TestServer> servers) {
        this.servers = Set.copyOf(servers);
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (servers.contains(TestServer.POSTGRES)) {
            TestDatabase database =
                    TestPostgres.createDatabase(mergedConfig.getTestClass().getSimpleName());
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.user());
            properties.put("spring.datasource.password", database.password());
            properties.put("BANKFLOW_DB_URL", database.jdbcUrl());
            properties.put("BANKFLOW_DB_USER", database.user());
            properties.put("BANKFLOW_DB_PASSWORD", database.password());
            context.addBeanFactoryPostProcessor(new DatabaseLifecycle(database));
        }
        if (servers.contains(TestServer.KAFKA)) {
            String bootstrap = TestKafka.bootstrapServers();
            properties.put("spring.kafka.bootstrap-servers", bootstrap);
            properties.put("BANKFLOW_KAFKA_BOOTSTRAP", bootstrap);
            // Each context its own consumer group: test contexts of one service stay cached side by side, each with
            // its own database; sharing the service's group would hand a test's events to another context's
            // listeners (services' @KafkaListeners take spring.kafka.consumer.group-id).
            properties.put(
                    "spring.kafka.consumer.group-id",
                    "it-" + mergedConfig.getTestClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-"
                            + java.util.UUID.randomUUID().toString().substring(0, 8));
        }
        if (servers.contains(TestServer.REGISTRY)) {
            String registry = TestRegistry.ccompatUrl();
            properties.put("spring.kafka.properties.schema.registry.url", registry);
            properties.put("BANKFLOW_REGISTRY_URL", registry);
        }
        if (servers.contains(TestServer.ISSUER)) {
            String issuer = TestIssuer.issuerUri();
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
            properties.put("BANKFLOW_ISSUER_URI", issuer);
        }

        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource serverSource = new MapPropertySource(SERVERS_PROPERTY_SOURCE, properties);
        // Just below the test's own inlined properties (@SpringBootTest(properties), @TestPropertySource; dynamic
        // properties sit above those), above system properties, environment and application.yml.
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, serverSource);
        } else {
            sources.addFirst(serverSource);
        }
        if (servers.contains(TestServer.POSTGRES)) {
            sources.addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE, POOL_DEFAULTS));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestServersContextCustomizer that && servers.equals(that.servers);
    }

    @Override
    public int hashCode() {
        return servers.hashCode();
    }

    @Override
    public String toString() {
        return "TestServersContextCustomizer" + servers;
    }

    /**
     * Registers the {@link TestDatabase} as a bean, so tests can inject it and so Spring drops it on close ({@link
     * TestDatabase} is {@link AutoCloseable}). Every {@link DataSource} bean is made to depend on it: Spring destroys
     * dependents first, so the pool (and everything using it) is closed before the database is dropped.
     */
    private record DatabaseLifecycle(TestDatabase database) implements BeanFactoryPostProcessor {

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            RootBeanDefinition definition = new RootBeanDefinition(TestDatabase.class, () -> database);
            ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(DATABASE_BEAN, definition);
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                if (beanFactory.containsBeanDefinition(name)) {
                    BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
                    String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                    String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                    extended[dependsOn.length] = DATABASE_BEAN;
                    dataSource.setDependsOn(extended);
                }
            }
        }
    }
}
