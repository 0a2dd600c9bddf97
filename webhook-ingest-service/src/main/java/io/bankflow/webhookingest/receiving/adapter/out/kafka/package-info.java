/** Received webhooks as {@code WebhookReceived} events, through the transactional outbox. */
@NullMarked
package io.bankflow.webhookingest.receiving.adapter.out.kafka;

import org.jspecify.annotations.NullMarked;
