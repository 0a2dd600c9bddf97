/** Received webhooks in PostgreSQL ({@code received_webhook}). */
@NullMarked
package io.bankflow.webhookingest.receiving.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
