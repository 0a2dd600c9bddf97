package io.bankflow.connection.challenges.application;

import io.bankflow.connection.challenges.application.port.out.ChallengeAudit;
import io.bankflow.connection.challenges.application.port.out.Challenges;
import io.bankflow.connection.challenges.domain.ChallengeType;
import io.bankflow.connection.challenges.domain.OtpHash;
import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.connection.connections.domain.ConnectionStatus;
import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a challenge a bank asked of a connection's user. For an OTP challenge the code the user was sent is given
 * once, hashed (salted PBKDF2) at once and never kept, logged or returned.
 */
@Service
public class CreateChallenge {

    private final Challenges challenges;
    private final Connections connections;
    private final ChallengeAudit audit;
    private final Clock clock;

    CreateChallenge(Challenges challenges, Connections connections, ChallengeAudit audit, Clock clock) {
        this.challenges = challenges;
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param otp the code the user was sent, for OTP (4 to 16 letters or digits); null for PUSH
     * @param ttl how long it may be verified
     * @param maxAttempts attempts allowed
     */
    public record Command(
            String orgId,
            UUID connectionId,
            String actor,
            ChallengeType type,
            @Nullable String otp,
            Duration ttl,
            int maxAttempts) {

        @Override
        public String toString() {
            return "CreateChallenge.Command[connectionId=" + connectionId + ", type=" + type + "]";
        }
    }

    /**
     * @throws NotFoundException (404) when the organisation has no such connection
     * @throws ConflictException (409 {@code connection-revoked}) when the connection is disconnected
     */
    @Transactional
    public TwoFactorChallenge create(Command command) {
        BankConnection connection = connections
                .find(command.orgId(), command.connectionId())
                .orElseThrow(() -> NotFoundException.of("Connection", command.connectionId()));
        if (connection.status() == ConnectionStatus.REVOKED) {
            throw new ConflictException(
                    "connection-revoked",
                    "Connection revoked",
                    "Connection " + connection.id() + " is disconnected; the bank can ask nothing more of it.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TwoFactorChallenge challenge = command.type() == ChallengeType.OTP
                ? TwoFactorChallenge.otp(
                        UUID.randomUUID(),
                        command.orgId(),
                        command.connectionId(),
                        OtpHash.of(Objects.requireNonNull(command.otp(), "otp")),
                        command.maxAttempts(),
                        command.ttl(),
                        now)
                : TwoFactorChallenge.push(
                        UUID.randomUUID(),
                        command.orgId(),
                        command.connectionId(),
                        command.maxAttempts(),
                        command.ttl(),
                        now);
        challenges.add(challenge);
        audit.created(challenge, command.actor(), now);
        return challenge;
    }
}
