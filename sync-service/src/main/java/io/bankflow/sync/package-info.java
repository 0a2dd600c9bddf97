/** sync-service: Sync jobs: fetches balances and transactions from providers, deduplicates statement lines, publishes them. */
@NullMarked
package io.bankflow.sync;

import org.jspecify.annotations.NullMarked;
