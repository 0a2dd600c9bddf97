/** SyncRequested from connection-service becomes a queued job. */
@NullMarked
package io.bankflow.sync.jobs.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
