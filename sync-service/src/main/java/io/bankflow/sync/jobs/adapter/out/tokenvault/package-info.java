/** Access tokens from token-vault-service's internal API, authenticated by sync-service's client-credentials token. */
@NullMarked
package io.bankflow.sync.jobs.adapter.out.tokenvault;

import org.jspecify.annotations.NullMarked;
