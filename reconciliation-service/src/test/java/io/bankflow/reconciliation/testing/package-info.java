/** Test helpers: the API over HTTP, StatementFetched events, topic readers. */
@NullMarked
package io.bankflow.reconciliation.testing;

import org.jspecify.annotations.NullMarked;
