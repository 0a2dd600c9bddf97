package io.bankflow.sync.jobs.application;

import io.bankflow.httpapi.NotFoundException;
import java.util.UUID;

/** The organisation has no connection sync-service knows by that id (never synced, unknown, or another's). */
public class SyncTargetNotFoundException extends NotFoundException {

    public SyncTargetNotFoundException(UUID connectionId) {
        super("Connection " + connectionId + " was not found, or has not been activated for syncing yet.");
    }
}
