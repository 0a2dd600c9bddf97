package io.bankflow.connection.challenges.adapter.in.web;

import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A challenge as the API shows it: never the code, nor anything derived from it. */
record ChallengeResponse(
        UUID id,
        UUID connectionId,
        String type,
        String status,
        int attempts,
        int maxAttempts,
        int attemptsLeft,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant completedAt) {

    static ChallengeResponse of(TwoFactorChallenge challenge) {
        return new ChallengeResponse(
                challenge.id(),
                challenge.connectionId(),
                challenge.type().name(),
                challenge.status().name(),
                challenge.attempts(),
                challenge.maxAttempts(),
                challenge.attemptsLeft(),
                challenge.expiresAt(),
                challenge.createdAt(),
                challenge.completedAt());
    }
}
