/** StatementFetched in: Avro to a command, then one use case call, idempotently. */
@NullMarked
package io.bankflow.cashflow.balances.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
