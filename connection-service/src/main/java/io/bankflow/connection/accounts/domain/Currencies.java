package io.bankflow.connection.accounts.domain;

import java.util.Currency;
import java.util.regex.Pattern;

/** ISO 4217 currencies as the JDK knows them. */
public final class Currencies {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Currencies() {}

    /**
     * The currency of an ISO 4217 alphabetic code (upper case).
     *
     * @throws InvalidAccountDetail (field {@code currency}) for anything else
     */
    public static Currency parse(String code) {
        if (CODE.matcher(code).matches()) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // falls through to the same answer as a malformed code
            }
        }
        throw new InvalidAccountDetail("currency", "must be an ISO 4217 currency code, e.g. NOK or EUR");
    }
}
