/** Token events from token-vault-service become entries of the connection's audit trail. */
@NullMarked
package io.bankflow.connection.audit.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
