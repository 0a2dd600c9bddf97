package io.bankflow.sync.jobs.application;

import java.util.UUID;

/** A job was queued (published in-process after its transaction commits, so a worker picks it up at once). */
public record SyncJobQueued(UUID jobId) {}
