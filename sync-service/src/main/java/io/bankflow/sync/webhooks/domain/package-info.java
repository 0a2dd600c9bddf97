/**
 * Provider notifications: what a provider told us through a webhook ("transactions available", "consent revoked"),
 * recorded so that later rules can turn them into sync jobs for the matching connection.
 */
@NullMarked
package io.bankflow.sync.webhooks.domain;

import org.jspecify.annotations.NullMarked;
