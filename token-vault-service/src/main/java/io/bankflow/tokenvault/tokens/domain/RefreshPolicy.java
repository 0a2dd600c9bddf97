package io.bankflow.tokenvault.tokens.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * When a record's access token is refreshed: {@code ahead} before it expires, minus a jitter between zero and {@code
 * jitter} that is fixed per connection. The jitter spreads the refreshes of tokens issued together (a batch of
 * connections made the same morning) over time instead of hitting the provider in one burst; being derived from the
 * connection id it does not move from one round to the next, so a record is not due, then not due, then due again.
 *
 * @param ahead how long before the access token's expiry a refresh is due, at the latest
 * @param jitter the largest extra lead added per connection
 */
public record RefreshPolicy(Duration ahead, Duration jitter) {

    public RefreshPolicy {
        Objects.requireNonNull(ahead, "ahead");
        Objects.requireNonNull(jitter, "jitter");
        if (ahead.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("ahead and jitter cannot be negative");
        }
    }

    /** @return the longest lead of any record: records expiring later than now plus this are never due */
    public Duration maximumLead() {
        return ahead.plus(jitter);
    }

    /**
     * @param connectionId the connection
     * @return its fixed share of the jitter, in [0, jitter)
     */
    public Duration jitterOf(UUID connectionId) {
        long millis = jitter.toMillis();
        if (millis == 0) {
            return Duration.ZERO;
        }
        long spread = (connectionId.getLeastSignificantBits() ^ connectionId.getMostSignificantBits()) & Long.MAX_VALUE;
        return Duration.ofMillis(spread % millis);
    }

    /**
     * @param record the record
     * @return from when its access token should be refreshed
     */
    public Instant refreshAt(TokenRecord record) {
        return record.lifetimes()
                .accessTokenExpiresAt()
                .minus(ahead)
                .minus(jitterOf(record.binding().connectionId()));
    }

    /**
     * @param record the record
     * @param now the current time
     * @return whether its access token is due for a refresh
     */
    public boolean due(TokenRecord record, Instant now) {
        return record.status() == TokenStatus.ACTIVE && !now.isBefore(refreshAt(record));
    }
}
