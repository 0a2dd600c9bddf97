package io.bankflow.connection.connections.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When a consent's end is announced and when it ends a connection: ConsentExpiring {@value #FIRST_WARNING_DAYS} and
 * {@value #SECOND_WARNING_DAYS} days ahead (each once per consent), ACTIVE becomes EXPIRING inside the first window,
 * and at the end the connection EXPIRES.
 */
public final class ConsentExpiry {

    public static final int FIRST_WARNING_DAYS = 14;
    public static final int SECOND_WARNING_DAYS = 7;

    /** The warnings, farthest first. */
    public static final List<Integer> WARNING_DAYS = List.of(FIRST_WARNING_DAYS, SECOND_WARNING_DAYS);

    /** How long before its consent ends a connection is EXPIRING. */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(FIRST_WARNING_DAYS);

    private ConsentExpiry() {}

    /** Whether a consent ending at {@code endsAt} ends within {@link #EXPIRING_WITHIN} of {@code now}. */
    public static boolean isWithinWarningWindow(@Nullable Instant endsAt, Instant now) {
        return endsAt != null && !now.isBefore(endsAt.minus(EXPIRING_WITHIN));
    }

    /**
     * What is due for a connection now.
     *
     * @param connection the connection (its status and consent)
     * @param now the time
     * @param warned the warnings (days ahead) already published for its current consent
     */
    public static Decision decide(BankConnection connection, Instant now, Set<Integer> warned) {
        Instant endsAt = connection.consentEndsAt();
        ConnectionStatus status = connection.status();
        boolean watched = status == ConnectionStatus.ACTIVE
                || status == ConnectionStatus.EXPIRING
                || status == ConnectionStatus.ERROR;
        if (endsAt == null || !watched) {
            return Decision.NOTHING;
        }
        if (!now.isBefore(endsAt)) {
            return new Decision(true, List.of(), false);
        }
        List<Integer> due = new ArrayList<>();
        for (int days : WARNING_DAYS) {
            if (!warned.contains(days) && !now.isBefore(endsAt.minus(Duration.ofDays(days)))) {
                due.add(days);
            }
        }
        boolean expiring = status == ConnectionStatus.ACTIVE && isWithinWarningWindow(endsAt, now);
        return new Decision(false, List.copyOf(due), expiring);
    }

    /**
     * What to do.
     *
     * @param expire the consent has ended: the connection EXPIRES (ConnectionExpired)
     * @param warningsDue the warnings (days ahead) whose time has come and that were not published yet; they are
     *     recorded together and announced by one ConsentExpiring (two at once only happen after an outage or for a
     *     consent shorter than the first window, where the nearer one says all there is to say)
     * @param becomeExpiring an ACTIVE connection moves to EXPIRING
     */
    public record Decision(boolean expire, List<Integer> warningsDue, boolean becomeExpiring) {

        static final Decision NOTHING = new Decision(false, List.of(), false);

        /** Whether anything is due. */
        public boolean isNothing() {
            return !expire && warningsDue.isEmpty() && !becomeExpiring;
        }
    }
}
