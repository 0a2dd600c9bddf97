/** Bank connections: the consent-expiry job on a schedule. */
@NullMarked
package io.bankflow.connection.connections.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
