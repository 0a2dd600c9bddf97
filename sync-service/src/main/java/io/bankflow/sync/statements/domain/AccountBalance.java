package io.bankflow.sync.statements.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A balance the provider reports for an account.
 *
 * @param type the balance type in Berlin Group / ISO 20022 terms, verbatim (closingBooked, expected,
 *     interimAvailable, ...)
 * @param amount exact, negative when overdrawn
 * @param currency ISO 4217 code
 * @param referenceDate the date the balance refers to, when given
 */
public record AccountBalance(
        String type,
        BigDecimal amount,
        String currency,
        @Nullable LocalDate referenceDate) {

    /** The balance type that closes a booking day. */
    public static final String CLOSING_BOOKED = "closingBooked";

    public AccountBalance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** True for the closing booked balance. */
    public boolean isClosingBooked() {
        return CLOSING_BOOKED.equals(type);
    }
}
