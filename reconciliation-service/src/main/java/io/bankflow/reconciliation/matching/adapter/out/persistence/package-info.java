/** Deposit matches and review items in PostgreSQL. */
@NullMarked
package io.bankflow.reconciliation.matching.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
