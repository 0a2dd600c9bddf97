/** {@code WebhookReceived} events into provider notifications. */
@NullMarked
package io.bankflow.sync.webhooks.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
