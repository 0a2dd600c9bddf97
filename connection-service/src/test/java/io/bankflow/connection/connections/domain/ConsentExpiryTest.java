package io.bankflow.connection.connections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentExpiryTest {

    /** The consent's last day is 2027-05-20: it ends at 2027-05-21T00:00Z. */
    static final Instant END = Instant.parse("2027-05-21T00:00:00Z");

    static BankConnection in(ConnectionStatus status) {
        return BankConnectionTest.in(status);
    }

    static Instant daysBeforeEnd(double days) {
        return END.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    @Test
    void nothingIsDueMoreThanFourteenDaysAhead() {
        ConsentExpiry.Decision decision =
                ConsentExpiry.decide(in(ConnectionStatus.ACTIVE), daysBeforeEnd(14.01), Set.of());

        assertThat(decision.isNothing()).isTrue();
    }

    @Test
    void fourteenDaysAheadTheFirstWarningIsDueAndAnActiveConnectionStartsExpiring() {
        ConsentExpiry.Decision decision =
                ConsentExpiry.decide(in(ConnectionStatus.ACTIVE), daysBeforeEnd(14), Set.of());

        assertThat(decision.warningsDue()).containsExactly(14);
        assertThat(decision.becomeExpiring()).isTrue();
        assertThat(decision.expire()).isFalse();
    }

    @Test
    void aWarningAlreadyPublishedIsNotDueAgain() {
        ConsentExpiry.Decision decision =
                ConsentExpiry.decide(in(ConnectionStatus.EXPIRING), daysBeforeEnd(10), Set.of(14));

        assertThat(decision.isNothing()).isTrue();
    }

    @Test
    void sevenDaysAheadTheSecondWarningIsDue() {
        ConsentExpiry.Decision decision =
                ConsentExpiry.decide(in(ConnectionStatus.EXPIRING), daysBeforeEnd(7), Set.of(14));

        assertThat(decision.warningsDue()).containsExactly(7);
        assertThat(decision.becomeExpiring()).isFalse();
    }

    @Test
    void warningsMissedDuringAnOutageAreDueTogether() {
        ConsentExpiry.Decision decision = ConsentExpiry.decide(in(ConnectionStatus.ACTIVE), daysBeforeEnd(3), Set.of());

        assertThat(decision.warningsDue()).containsExactly(14, 7);
        assertThat(decision.becomeExpiring()).isTrue();
    }

    @Test
    void atTheEndTheConnectionExpiresAndNoWarningIsDue() {
        ConsentExpiry.Decision decision = ConsentExpiry.decide(in(ConnectionStatus.EXPIRING), END, Set.of(14));

        assertThat(decision.expire()).isTrue();
        assertThat(decision.warningsDue()).isEmpty();
        assertThat(decision.becomeExpiring()).isFalse();
    }

    @Test
    void aConnectionInErrorIsWarnedAndExpiresButDoesNotBecomeExpiring() {
        ConsentExpiry.Decision warned = ConsentExpiry.decide(in(ConnectionStatus.ERROR), daysBeforeEnd(13), Set.of());
        ConsentExpiry.Decision ended = ConsentExpiry.decide(in(ConnectionStatus.ERROR), END.plusSeconds(1), Set.of());

        assertThat(warned.warningsDue()).containsExactly(14);
        assertThat(warned.becomeExpiring()).isFalse();
        assertThat(ended.expire()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = ConnectionStatus.class,
            names = {"PENDING_CONSENT", "EXPIRED", "REVOKED", "FAILED"})
    void connectionsThatAreNotInUseAreLeftAlone(ConnectionStatus status) {
        assertThat(ConsentExpiry.decide(in(status), END.plusSeconds(1), Set.of())
                        .isNothing())
                .isTrue();
    }

    @Test
    void aConnectionWithoutAKnownConsentEndIsLeftAlone() {
        BankConnection withoutEnd = BankConnectionTest.pending()
                .authorized("consent-1", null, BankConnectionTest.CREATED)
                .connection();

        assertThat(ConsentExpiry.decide(withoutEnd, Instant.parse("2030-01-01T00:00:00Z"), Set.of())
                        .isNothing())
                .isTrue();
    }

    @Test
    void theWindowStartsExactlyFourteenDaysBeforeTheEnd() {
        assertThat(ConsentExpiry.isWithinWarningWindow(END, daysBeforeEnd(14))).isTrue();
        assertThat(ConsentExpiry.isWithinWarningWindow(
                        END, END.minus(Duration.ofDays(14)).minusMillis(1)))
                .isFalse();
        assertThat(ConsentExpiry.isWithinWarningWindow(null, END)).isFalse();
        assertThat(BankConnection.consentEndsAt(LocalDate.parse("2027-05-20"))).isEqualTo(END);
    }
}
