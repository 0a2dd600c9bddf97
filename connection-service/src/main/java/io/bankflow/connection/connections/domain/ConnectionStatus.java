package io.bankflow.connection.connections.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a connection is in its life, and which moves between the states are legal. The table in
 * {@link #successors()} is the whole lifecycle: every change of a connection's status goes through it.
 */
public enum ConnectionStatus {
    /** The consent exists at the bank; the user has yet to authorise it. */
    PENDING_CONSENT,
    /** Authorised: tokens are in token-vault-service and statements can be fetched. */
    ACTIVE,
    /** Still usable, but the consent ends within {@link ConsentExpiry#EXPIRING_WITHIN}: the user should re-authorise. */
    EXPIRING,
    /** The consent or its tokens lapsed; the user must authorise again (same connection, new consent). */
    EXPIRED,
    /** Disconnected: revoked at the bank and its tokens destroyed. Final. */
    REVOKED,
    /** The first authorisation did not complete (refused at the bank, code rejected). */
    FAILED,
    /** Syncs fail for a reason that retrying cannot fix (e.g. the consent no longer covers the account). */
    ERROR;

    /** The statuses a connection in this status may move to. */
    public Set<ConnectionStatus> successors() {
        return switch (this) {
            case PENDING_CONSENT -> EnumSet.of(ACTIVE, FAILED, REVOKED);
            case ACTIVE -> EnumSet.of(EXPIRING, EXPIRED, ERROR, REVOKED);
            case EXPIRING -> EnumSet.of(ACTIVE, EXPIRED, ERROR, REVOKED);
            case EXPIRED -> EnumSet.of(ACTIVE, REVOKED);
            case ERROR -> EnumSet.of(ACTIVE, EXPIRING, EXPIRED, REVOKED);
            case FAILED -> EnumSet.of(REVOKED);
            case REVOKED -> EnumSet.noneOf(ConnectionStatus.class);
        };
    }

    /** Whether a connection in this status may move to {@code next}. */
    public boolean canBecome(ConnectionStatus next) {
        return successors().contains(next);
    }

    /** Whether the user can (and should) authorise the connection again: a new consent for the same connection. */
    public boolean needsReauthorization() {
        return this == EXPIRING || this == EXPIRED || this == ERROR;
    }

    /** Whether statements are expected to flow (the consent and tokens are usable). */
    public boolean isUsable() {
        return this == ACTIVE || this == EXPIRING;
    }
}
