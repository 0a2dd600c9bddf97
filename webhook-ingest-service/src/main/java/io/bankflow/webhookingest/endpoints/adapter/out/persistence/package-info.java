/** Webhook endpoints and creation idempotency keys in PostgreSQL. */
@NullMarked
package io.bankflow.webhookingest.endpoints.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
