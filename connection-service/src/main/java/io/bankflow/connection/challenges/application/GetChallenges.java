package io.bankflow.connection.challenges.application;

import io.bankflow.connection.challenges.application.port.out.Challenges;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A connection's challenges as they are now (one past its expiry shows EXPIRED even before the job marks it). */
@Service
public class GetChallenges {

    private final Challenges challenges;
    private final Connections connections;
    private final Clock clock;

    GetChallenges(Challenges challenges, Connections connections, Clock clock) {
        this.challenges = challenges;
        this.connections = connections;
        this.clock = clock;
    }

    /** @throws NotFoundException (404) when the connection has no such challenge in the organisation */
    @Transactional(readOnly = true)
    public TwoFactorChallenge get(String orgId, UUID connectionId, UUID challengeId) {
        return challenges
                .find(orgId, connectionId, challengeId)
                .map(challenge -> challenge.expireIfDue(clock.instant()))
                .orElseThrow(() -> NotFoundException.of("Challenge", challengeId));
    }

    /** @throws NotFoundException (404) when the organisation has no such connection */
    @Transactional(readOnly = true)
    public List<TwoFactorChallenge> list(String orgId, UUID connectionId, int limit) {
        connections.find(orgId, connectionId).orElseThrow(() -> NotFoundException.of("Connection", connectionId));
        return challenges.list(orgId, connectionId, limit).stream()
                .map(challenge -> challenge.expireIfDue(clock.instant()))
                .toList();
    }
}
