/**
 * Real servers for integration tests: {@link io.bankflow.testinfra.TestPostgres}, {@link io.bankflow.testinfra.TestKafka},
 * {@link io.bankflow.testinfra.TestRegistry}, {@link io.bankflow.testinfra.TestIssuer}, and {@link
 * io.bankflow.testinfra.ServiceIntegrationTest} wiring them into a Spring Boot test. See the module README and ADR 0005.
 */
@NullMarked
package io.bankflow.testinfra;

import org.jspecify.annotations.NullMarked;
