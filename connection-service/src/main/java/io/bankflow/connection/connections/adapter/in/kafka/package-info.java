/** Bank connections: events of other services (TokenExpired, SyncJobCompleted/Failed) into lifecycle changes. */
@NullMarked
package io.bankflow.connection.connections.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
