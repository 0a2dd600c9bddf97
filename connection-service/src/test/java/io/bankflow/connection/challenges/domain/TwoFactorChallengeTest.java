package io.bankflow.connection.challenges.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.connection.challenges.domain.TwoFactorChallenge.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TwoFactorChallengeTest {

    static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    static final String CODE = "482913";

    static TwoFactorChallenge otpChallenge(int maxAttempts) {
        return TwoFactorChallenge.otp(
                UUID.randomUUID(),
                "acme",
                UUID.randomUUID(),
                OtpHash.of(CODE, 1_000),
                maxAttempts,
                Duration.ofMinutes(5),
                NOW);
    }

    static TwoFactorChallenge pushChallenge() {
        return TwoFactorChallenge.push(UUID.randomUUID(), "acme", UUID.randomUUID(), 3, Duration.ofMinutes(5), NOW);
    }

    @Test
    void startsPendingWithAllAttemptsAndTheCodeOnlyAsItsHash() {
        TwoFactorChallenge challenge = otpChallenge(3);

        assertThat(challenge.status()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(challenge.attempts()).isZero();
        assertThat(challenge.attemptsLeft()).isEqualTo(3);
        assertThat(challenge.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(challenge.otpHash()).isNotNull();
        assertThat(challenge.toString()).doesNotContain(CODE);
    }

    @Test
    void isVerifiedByTheRightCodeWhichErasesTheHash() {
        TwoFactorChallenge.Attempt attempt = otpChallenge(3).verifyOtp(CODE, NOW.plusSeconds(30));

        assertThat(attempt.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(attempt.challenge().status()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(attempt.challenge().attempts()).isEqualTo(1);
        assertThat(attempt.challenge().completedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(attempt.challenge().otpHash()).isNull();
    }

    @Test
    void countsWrongCodesAndFailsOnTheLastAttempt() {
        TwoFactorChallenge.Attempt first = otpChallenge(3).verifyOtp("000000", NOW);
        TwoFactorChallenge.Attempt second = first.challenge().verifyOtp("111111", NOW);
        TwoFactorChallenge.Attempt third = second.challenge().verifyOtp("222222", NOW);

        assertThat(first.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(first.challenge().attemptsLeft()).isEqualTo(2);
        assertThat(second.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(second.challenge().otpHash()).isNotNull();
        assertThat(third.outcome()).isEqualTo(Outcome.EXHAUSTED);
        assertThat(third.challenge().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(third.challenge().attemptsLeft()).isZero();
        assertThat(third.challenge().otpHash()).isNull();
    }

    @Test
    void checksNoCodeOnceFailedEvenTheRightOne() {
        TwoFactorChallenge failed = otpChallenge(1).verifyOtp("000000", NOW).challenge();

        TwoFactorChallenge.Attempt late = failed.verifyOtp(CODE, NOW);

        assertThat(late.outcome()).isEqualTo(Outcome.ALREADY_FAILED);
        assertThat(late.challenge()).isEqualTo(failed);
    }

    @Test
    void checksNoCodeOnceVerified() {
        TwoFactorChallenge verified = otpChallenge(3).verifyOtp(CODE, NOW).challenge();

        assertThat(verified.verifyOtp(CODE, NOW).outcome()).isEqualTo(Outcome.ALREADY_VERIFIED);
    }

    @Test
    void expiresAtItsExpiryWithoutCountingTheAttempt() {
        TwoFactorChallenge challenge = otpChallenge(3).verifyOtp("000000", NOW).challenge();

        TwoFactorChallenge.Attempt late = challenge.verifyOtp(CODE, NOW.plusSeconds(300));

        assertThat(late.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(late.challenge().status()).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(late.challenge().attempts()).isEqualTo(1);
        assertThat(late.challenge().otpHash()).isNull();
        assertThat(late.challenge().completedAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(challenge.expireIfDue(NOW.plusSeconds(299))).isSameAs(challenge);
    }

    @Test
    void recordsTheOutcomeOfAPush() {
        TwoFactorChallenge.Attempt approved = pushChallenge().reportPush(true, NOW);
        TwoFactorChallenge.Attempt denied = pushChallenge().reportPush(false, NOW);

        assertThat(approved.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(approved.challenge().status()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(denied.challenge().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(denied.challenge().reportPush(true, NOW).outcome()).isEqualTo(Outcome.ALREADY_FAILED);
        assertThat(pushChallenge().reportPush(true, NOW.plusSeconds(301)).outcome())
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void refusesAnAnswerOfTheOtherKind() {
        assertThatThrownBy(() -> pushChallenge().verifyOtp(CODE, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> otpChallenge(3).reportPush(true, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void holdsAHashExactlyWhileAnOtpChallengeIsPending() {
        TwoFactorChallenge pending = otpChallenge(3);

        assertThatThrownBy(() -> new TwoFactorChallenge(
                        pending.id(),
                        "acme",
                        pending.connectionId(),
                        ChallengeType.OTP,
                        ChallengeStatus.VERIFIED,
                        1,
                        3,
                        pending.expiresAt(),
                        NOW,
                        NOW,
                        pending.otpHash()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwoFactorChallenge(
                        pending.id(),
                        "acme",
                        pending.connectionId(),
                        ChallengeType.OTP,
                        ChallengeStatus.PENDING,
                        4,
                        3,
                        pending.expiresAt(),
                        NOW,
                        null,
                        pending.otpHash()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
