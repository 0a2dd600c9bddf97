package io.bankflow.cashflow.balances.domain;

import java.math.BigDecimal;

/**
 * A change to one day's movements: money in, money out (both as the change of a non-negative total) and the change
 * in the number of lines. A correction of a line is the old line's delta negated plus the new one's.
 */
public record MovementDelta(BigDecimal inflow, BigDecimal outflow, int lines) {

    public static final MovementDelta NONE = new MovementDelta(BigDecimal.ZERO, BigDecimal.ZERO, 0);

    /** One line: a credit adds to the inflow, a debit to the outflow. */
    public static MovementDelta of(BigDecimal signedAmount) {
        return signedAmount.signum() >= 0
                ? new MovementDelta(signedAmount, BigDecimal.ZERO, 1)
                : new MovementDelta(BigDecimal.ZERO, signedAmount.negate(), 1);
    }

    public MovementDelta plus(MovementDelta other) {
        return new MovementDelta(inflow.add(other.inflow), outflow.add(other.outflow), lines + other.lines);
    }

    public MovementDelta negate() {
        return new MovementDelta(inflow.negate(), outflow.negate(), -lines);
    }

    public boolean isNone() {
        return inflow.signum() == 0 && outflow.signum() == 0 && lines == 0;
    }
}
