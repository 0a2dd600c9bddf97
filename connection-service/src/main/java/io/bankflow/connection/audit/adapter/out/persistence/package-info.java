/** The audit trail: adapter.out.persistence. */
@NullMarked
package io.bankflow.connection.audit.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
