package io.bankflow.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * {@link SpringBootTest} against real servers: the application under test gets a fresh PostgreSQL database, the test
 * Kafka broker, the test schema registry and the test OIDC issuer, set as Spring Boot properties before the context
 * starts. Tests call the service with tokens from {@link TestIssuer#accessToken(String)}.
 *
 * <pre>{@code
 * @ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "bankflow.sync.enabled=false")
 * class ImportsStatementsIT {
 *     @Autowired TestDatabase database; // the database this context uses, if a test wants its name
 * }
 * }</pre>
 *
 * <p>Properties set (they also answer the {@code BANKFLOW_*} placeholders of a service's {@code application.yml}):
 *
 * <ul>
 *   <li>{@link TestServer#POSTGRES}: {@code spring.datasource.url}, {@code .username}, {@code .password} (and {@code
 *       BANKFLOW_DB_URL}, {@code BANKFLOW_DB_USER}, {@code BANKFLOW_DB_PASSWORD}); a {@link TestDatabase} bean;
 *   <li>{@link TestServer#KAFKA}: {@code spring.kafka.bootstrap-servers} ({@code BANKFLOW_KAFKA_BOOTSTRAP});
 *   <li>{@link TestServer#REGISTRY}: {@code spring.kafka.properties.schema.registry.url} ({@code BANKFLOW_REGISTRY_URL});
 *   <li>{@link TestServer#ISSUER}: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} ({@code
 *       BANKFLOW_ISSUER_URI}).
 * </ul>
 *
 * <p>Precedence: the test's own {@link #properties()}, {@code @TestPropertySource} and {@code @DynamicPropertySource}
 * win over these; these win over system properties, environment variables and {@code application.yml}. Connection pool
 * defaults suited to many cached contexts (Hikari at most 5 connections, idle ones closed after 10 s) sit below
 * everything, so a service's own pool settings still apply.
 *
 * <p><b>Context caching.</b> Spring caches application contexts per configuration, and the database belongs to the
 * context: test classes whose configuration is equal (same properties, same {@link #servers()}, no {@code @MockitoBean}
 * differences, ...) share one context and therefore one database, named after the first of them. Leave the database
 * as you would like to find it, or give a class a context of its own ({@code @DirtiesContext}, or a distinguishing
 * property). The database is dropped when its context closes: at the end of the JVM, on {@code @DirtiesContext}, or on
 * eviction from the context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(TestServersContextCustomizerFactory.class)
public @interface ServiceIntegrationTest {

    /** The servers to wire; a service without a database (the gateway) leaves {@link TestServer#POSTGRES} out. */
    TestServer[] servers() default {TestServer.POSTGRES, TestServer.KAFKA, TestServer.REGISTRY, TestServer.ISSUER};

    /** See {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** See {@link SpringBootTest#args()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] args() default {};

    /** See {@link SpringBootTest#classes()}. */
    @AliasFor(annotation = SpringBootTest.class)
    Class<?>[] classes() default {};

    /** See {@link SpringBootTest#webEnvironment()}. */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** See {@link SpringBootTest#useMainMethod()}. */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.UseMainMethod useMainMethod() default SpringBootTest.UseMainMethod.NEVER;
}
