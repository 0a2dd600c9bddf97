/** The ports on PostgreSQL with plain SQL: idempotent upserts on natural keys. */
@NullMarked
package io.bankflow.cashflow.balances.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
