package io.bankflow.cashflow.balances.domain;

/** What the balances of a series are measured from. */
public enum BalanceBasis {
    /** Real balances: walked from a balance the bank reported. */
    ANCHORED,
    /**
     * No balance was ever reported for the series: the "balances" are the cumulative net flow since the end of the
     * day before the window, i.e. relative to an unknown starting balance taken as zero. Never a real balance.
     */
    RELATIVE
}
