/**
 * {@code Idempotency-Key} for the POSTs that create things (accounts, connections): one protocol and one table for
 * both, so a retried request gets the first answer again wherever it is sent.
 */
@NullMarked
package io.bankflow.connection.idempotency;

import org.jspecify.annotations.NullMarked;
