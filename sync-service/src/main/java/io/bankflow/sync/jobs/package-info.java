/**
 * Sync jobs: a request to fetch a connection's statements (SyncRequested, the API, a provider's webhook) becomes a
 * job that is queued, run by a worker against the provider, and ends COMPLETED with its counts or FAILED with a safe
 * reason. The job's state, its new statement lines and its events are committed together.
 */
@NullMarked
package io.bankflow.sync.jobs;

import org.jspecify.annotations.NullMarked;
