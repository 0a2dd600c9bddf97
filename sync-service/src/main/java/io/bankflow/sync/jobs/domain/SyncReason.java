package io.bankflow.sync.jobs.domain;

/** Why a job was requested (the SyncRequested reasons). */
public enum SyncReason {
    INITIAL,
    SCHEDULED,
    MANUAL,
    WEBHOOK,
    OTHER
}
