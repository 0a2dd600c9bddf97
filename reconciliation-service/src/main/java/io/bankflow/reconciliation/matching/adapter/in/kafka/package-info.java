/** StatementFetched in: Avro to a command, then one use case call, once per event. */
@NullMarked
package io.bankflow.reconciliation.matching.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
