/** Received webhooks: verified deliveries, stored raw and deduplicated by the provider's event id. */
@NullMarked
package io.bankflow.webhookingest.receiving.domain;

import org.jspecify.annotations.NullMarked;
