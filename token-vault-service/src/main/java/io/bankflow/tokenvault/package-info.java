/** token-vault-service: Provider tokens, encrypted at rest: code exchange, refresh before expiry, short-lived access tokens for sync. */
@NullMarked
package io.bankflow.tokenvault;

import org.jspecify.annotations.NullMarked;
