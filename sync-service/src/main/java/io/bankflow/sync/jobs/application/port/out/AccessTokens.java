package io.bankflow.sync.jobs.application.port.out;

import io.bankflow.sync.jobs.domain.SyncFailure;
import java.util.UUID;

/** Short-lived provider access tokens for a connection (token-vault-service; never stored here). */
public interface AccessTokens {

    /**
     * A bearer token for one job's calls to the provider.
     *
     * @throws UnavailableException when none can be had now or at all
     */
    String accessToken(String orgId, UUID connectionId);

    /** No token: the failure says whether waiting may help (vault down) or not (tokens expired or shredded). */
    final class UnavailableException extends RuntimeException {

        private final SyncFailure failure;

        public UnavailableException(SyncFailure failure, Throwable cause) {
            super(failure.code() + ": " + failure.message(), cause);
            this.failure = failure;
        }

        public UnavailableException(SyncFailure failure) {
            super(failure.code() + ": " + failure.message());
            this.failure = failure;
        }

        public SyncFailure failure() {
            return failure;
        }
    }
}
