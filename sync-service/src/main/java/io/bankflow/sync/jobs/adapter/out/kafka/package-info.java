/** SyncJobStarted, StatementFetched, SyncJobCompleted and SyncJobFailed through the outbox. */
@NullMarked
package io.bankflow.sync.jobs.adapter.out.kafka;

import org.jspecify.annotations.NullMarked;
