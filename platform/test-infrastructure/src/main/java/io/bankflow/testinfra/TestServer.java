package io.bankflow.testinfra;

/** The real servers {@link ServiceIntegrationTest} can wire into the application under test. */
public enum TestServer {
    /** A fresh database from {@link TestPostgres}: {@code spring.datasource.url / username / password}. */
    POSTGRES,
    /** The broker of {@link TestKafka}: {@code spring.kafka.bootstrap-servers}. */
    KAFKA,
    /** The registry of {@link TestRegistry}: {@code spring.kafka.properties.schema.registry.url}. */
    REGISTRY,
    /** The dev OIDC issuer of {@link TestIssuer}: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
    ISSUER
}
