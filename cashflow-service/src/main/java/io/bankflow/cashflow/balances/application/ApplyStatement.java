package io.bankflow.cashflow.balances.application;

import io.bankflow.cashflow.balances.CashflowProperties;
import io.bankflow.cashflow.balances.application.port.out.BalanceAnchors;
import io.bankflow.cashflow.balances.application.port.out.BookedLines;
import io.bankflow.cashflow.balances.application.port.out.DailyMovements;
import io.bankflow.cashflow.balances.application.port.out.PendingLines;
import io.bankflow.cashflow.balances.application.port.out.TrackedSeries;
import io.bankflow.cashflow.balances.domain.Amounts;
import io.bankflow.cashflow.balances.domain.BalanceAnchor;
import io.bankflow.cashflow.balances.domain.BookedLine;
import io.bankflow.cashflow.balances.domain.MovementDelta;
import io.bankflow.cashflow.balances.domain.PendingLine;
import io.bankflow.cashflow.balances.domain.SeriesKey;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the lines and the closing balance of one fetched statement, in one transaction:
 *
 * <ul>
 *   <li>a booked line adds its amount to its series' booking date, once per line id (a second delivery of the same
 *       line is a duplicate; a changed one is a correction: the old amount leaves its day, the new one enters);
 *   <li>a pending line is kept apart for the forecast, replacing its earlier version; it goes away when it books
 *       (booked under the same id, or a booked line names it in {@code supersedesLineId}); a pending version of a line
 *       that already booked is ignored;
 *   <li>a closing balance becomes the anchor of its series and date.
 * </ul>
 */
@Service
public class ApplyStatement {

    /** Booking status of a line. */
    public enum Status {
        BOOKED,
        PENDING
    }

    /**
     * One line of the statement. Amounts are signed: credits positive.
     *
     * @throws IllegalArgumentException for a booked line with neither booking nor value date
     */
    public record Line(
            UUID lineId,
            Status status,
            @Nullable LocalDate bookingDate,
            @Nullable LocalDate valueDate,
            BigDecimal amount,
            Currency currency,
            @Nullable UUID supersedesLineId) {

        public Line {
            Objects.requireNonNull(lineId, "lineId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            if (status == Status.BOOKED && bookingDate == null && valueDate == null) {
                throw new IllegalArgumentException("Booked line " + lineId + " has neither booking nor value date");
            }
        }

        /** The date a booked line counts on: its booking date, else its value date. */
        LocalDate countedOn() {
            return Objects.requireNonNull(bookingDate != null ? bookingDate : valueDate);
        }
    }

    /** The closing balance the provider reported with the lines. */
    public record ClosingBalance(LocalDate date, BigDecimal amount, Currency currency, String balanceType) {}

    /** A fetched statement of one account. */
    public record Command(
            String orgId,
            UUID accountId,
            UUID eventId,
            List<Line> lines,
            @Nullable ClosingBalance closingBalance) {

        public Command {
            lines = List.copyOf(lines);
        }
    }

    /** What applying the statement changed. */
    public record Result(
            int booked, int corrected, int duplicates, int pendingKept, int pendingResolved, boolean anchorRecorded) {}

    private record Day(SeriesKey series, LocalDate date) {}

    private final BookedLines bookedLines;
    private final PendingLines pendingLines;
    private final DailyMovements movements;
    private final BalanceAnchors anchors;
    private final TrackedSeries trackedSeries;
    private final CashflowMetrics metrics;
    private final Clock clock;
    private final CashflowProperties properties;

    ApplyStatement(
            BookedLines bookedLines,
            PendingLines pendingLines,
            DailyMovements movements,
            BalanceAnchors anchors,
            TrackedSeries trackedSeries,
            CashflowMetrics metrics,
            Clock clock,
            CashflowProperties properties) {
        this.bookedLines = bookedLines;
        this.pendingLines = pendingLines;
        this.movements = movements;
        this.anchors = anchors;
        this.trackedSeries = trackedSeries;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public Result apply(Command command) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Map<Day, MovementDelta> deltas = new LinkedHashMap<>();
        Set<SeriesKey> touched = new LinkedHashSet<>();
        List<UUID> bookedIds = new ArrayList<>();
        int booked = 0;
        int corrected = 0;
        int duplicates = 0;
        int pendingKept = 0;

        for (Line line : command.lines()) {
            SeriesKey series = new SeriesKey(command.orgId(), command.accountId(), line.currency());
            touched.add(series);
            if (line.status() == Status.BOOKED) {
                BookedLine bookedLine = new BookedLine(line.lineId(), series, line.countedOn(), line.amount());
                BookedLines.Applied applied = bookedLines.apply(bookedLine, command.eventId());
                switch (applied.outcome()) {
                    case NEW -> {
                        add(deltas, new Day(series, bookedLine.bookingDate()), bookedLine.delta());
                        booked++;
                    }
                    case CORRECTED -> {
                        BookedLine previous = Objects.requireNonNull(applied.previous());
                        add(
                                deltas,
                                new Day(previous.series(), previous.bookingDate()),
                                previous.delta().negate());
                        add(deltas, new Day(series, bookedLine.bookingDate()), bookedLine.delta());
                        corrected++;
                    }
                    case DUPLICATE -> duplicates++;
                }
                bookedIds.add(line.lineId());
                if (line.supersedesLineId() != null) {
                    bookedIds.add(line.supersedesLineId());
                }
            } else if (bookedLines.find(command.orgId(), line.lineId()).isPresent()) {
                duplicates++; // an older, pending version of a line that has booked meanwhile
            } else {
                LocalDate expected = line.valueDate() != null ? line.valueDate() : line.bookingDate();
                pendingLines.keep(new PendingLine(line.lineId(), series, expected, line.amount(), today));
                pendingKept++;
            }
        }
        int pendingResolved = bookedIds.isEmpty() ? 0 : pendingLines.remove(command.orgId(), bookedIds);
        deltas.forEach((day, delta) -> {
            if (!delta.isNone()) {
                movements.add(day.series(), day.date(), delta);
            }
        });

        ClosingBalance closing = command.closingBalance();
        if (closing != null) {
            SeriesKey series = new SeriesKey(command.orgId(), command.accountId(), closing.currency());
            anchors.record(
                    series,
                    new BalanceAnchor(closing.date(), Amounts.normalize(closing.amount(), closing.currency())),
                    closing.balanceType(),
                    command.eventId());
            touched.add(series);
        }
        touched.forEach(trackedSeries::track);

        Result result = new Result(booked, corrected, duplicates, pendingKept, pendingResolved, closing != null);
        metrics.record(result);
        return result;
    }

    private static void add(Map<Day, MovementDelta> deltas, Day day, MovementDelta delta) {
        deltas.merge(day, delta, MovementDelta::plus);
    }
}
