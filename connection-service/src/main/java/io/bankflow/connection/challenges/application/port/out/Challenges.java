package io.bankflow.connection.challenges.application.port.out;

import io.bankflow.connection.challenges.domain.TwoFactorChallenge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The connections' two-factor challenges. Scoped to one organisation and connection, except the expiry job's call. */
public interface Challenges {

    /** Stores a new challenge, in the caller's transaction. */
    void add(TwoFactorChallenge challenge);

    Optional<TwoFactorChallenge> find(String orgId, UUID connectionId, UUID id);

    /** The same, locked until the caller's transaction ends (two attempts at once take turns). */
    Optional<TwoFactorChallenge> lock(String orgId, UUID connectionId, UUID id);

    /** Writes status, attempts and completion, and the OTP hash (erased once final). */
    void update(TwoFactorChallenge challenge);

    /** The connection's challenges, newest first, at most {@code limit}. */
    List<TwoFactorChallenge> list(String orgId, UUID connectionId, int limit);

    /** Marks every PENDING challenge past its expiry EXPIRED and erases its OTP hash; returns how many. */
    int expireDue(Instant now);
}
