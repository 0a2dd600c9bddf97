package io.bankflow.cashflow.balances;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the balance series and the forecast ({@code bankflow.cashflow.*}).
 *
 * @param zone the zone whose calendar decides "today" (the as-of date of history and forecast); booking dates are
 *     the bank's calendar dates and are taken as they are
 * @param lookbackDays complete days before today whose booked net flow the forecast averages; 90 spans three monthly
 *     cycles (payroll, rent, taxes) and matches the first sync's default history
 * @param pendingMaxAgeDays pending lines dated longer ago than this are left out of the forecast: the bank has
 *     probably dropped them, and sync-service publishes nothing when a pending line vanishes
 */
@ConfigurationProperties("bankflow.cashflow")
public record CashflowProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("90") int lookbackDays,
        @DefaultValue("14") int pendingMaxAgeDays) {

    public CashflowProperties {
        if (lookbackDays < 1 || lookbackDays > 730) {
            throw new IllegalArgumentException(
                    "bankflow.cashflow.lookback-days must be between 1 and 730, was " + lookbackDays);
        }
        if (pendingMaxAgeDays < 0 || pendingMaxAgeDays > 366) {
            throw new IllegalArgumentException(
                    "bankflow.cashflow.pending-max-age-days must be between 0 and 366, was " + pendingMaxAgeDays);
        }
    }
}
