/** Statement lines in PostgreSQL. */
@NullMarked
package io.bankflow.sync.statements.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
