package io.bankflow.sandboxbank.bank.domain;

/** The Berlin Group consent lifecycle ({@code consentStatus}). */
public enum ConsentStatus {
    RECEIVED("received"),
    REJECTED("rejected"),
    VALID("valid"),
    REVOKED_BY_PSU("revokedByPsu"),
    EXPIRED("expired"),
    TERMINATED_BY_TPP("terminatedByTpp");

    private final String json;

    ConsentStatus(String json) {
        this.json = json;
    }

    /** The value in the API. */
    public String json() {
        return json;
    }

    /** Whether nothing can change it any more. */
    public boolean isFinal() {
        return this != RECEIVED && this != VALID;
    }
}
