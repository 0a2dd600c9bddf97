/**
 * Small command-line tools behind {@code ./bankflow up} (deploy/bin/stack.sh, ADR 0006): an embedded PostgreSQL server
 * for machines without one, per-service database provisioning, Kafka topic creation and schema registration. Each is
 * a {@code main} that prints what it did and exits non-zero with a one-line reason when it cannot.
 */
package io.bankflow.localstack;
