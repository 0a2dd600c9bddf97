package io.bankflow.connection.connections.domain;

/** Where a connection is in its life. */
public enum ConnectionStatus {
    /** The consent exists at the bank; the user has yet to authorise it. */
    PENDING_CONSENT,
    /** Authorised: tokens are in token-vault-service and statements can be fetched. */
    ACTIVE,
    /** The consent or its tokens lapsed; the user must authorise again. */
    EXPIRED,
    /** Revoked by the user, at the bank or here. */
    REVOKED,
    /** The authorisation did not complete (refused at the bank, code rejected). */
    FAILED
}
