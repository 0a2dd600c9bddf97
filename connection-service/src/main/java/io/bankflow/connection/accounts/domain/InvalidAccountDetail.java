package io.bankflow.connection.accounts.domain;

/**
 * A value that breaks a bank-account rule (a bad IBAN, an unknown currency, a malformed GL code). The message says
 * what is wrong without echoing the value, so it may be shown to the API user.
 */
public final class InvalidAccountDetail extends IllegalArgumentException {

    private final String field;

    public InvalidAccountDetail(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the value came from, e.g. {@code iban}. */
    public String field() {
        return field;
    }
}
