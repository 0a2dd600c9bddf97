package io.bankflow.sandboxbank.bank.application;

/** Tells TPPs about changes (the webhooks adapter implements it). */
public interface Notifications {

    /** Called after the change, outside the bank's lock; must not block. */
    void transactionsAvailable(TransactionsAvailable event);
}
