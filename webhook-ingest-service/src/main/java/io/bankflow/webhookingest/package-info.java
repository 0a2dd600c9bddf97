/** webhook-ingest-service: Receives provider webhooks: verifies signatures, stores and deduplicates them, publishes WebhookReceived. */
@NullMarked
package io.bankflow.webhookingest;

import org.jspecify.annotations.NullMarked;
