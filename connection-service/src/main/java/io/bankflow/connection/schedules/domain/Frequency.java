package io.bankflow.connection.schedules.domain;

/** How often a connection is synced on its own. */
public enum Frequency {
    /** Every day at a local time. */
    DAILY,
    /** On one day of the week at a local time. */
    WEEKLY,
    /** On one day of the month at a local time (the month's last day when it is shorter). */
    MONTHLY,
    /** N times a day, evenly spread over the local day from an anchor time. */
    TIMES_PER_DAY
}
