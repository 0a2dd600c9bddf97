package io.bankflow.reconciliation.expectedpayments.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ERP's code of a customer: {@code CUS} followed by exactly 8 digits, for example {@code CUS00012345}. Always held
 * in this canonical form (upper case, no separators); payers' spellings are normalised by the matcher that finds them.
 *
 * @param value the canonical code
 */
public record CustomerCode(String value) implements Comparable<CustomerCode> {

    /** The canonical form, as the API accepts it and the database checks it. */
    public static final Pattern FORMAT = Pattern.compile("CUS[0-9]{8}");

    public CustomerCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A customer code is CUS followed by 8 digits");
        }
    }

    /** The code, if the text is one (exactly, in upper case: the form the ERP registers). */
    public static Optional<CustomerCode> parse(String text) {
        return FORMAT.matcher(text).matches() ? Optional.of(new CustomerCode(text)) : Optional.empty();
    }

    /** The code made of {@code CUS} (any case) and 8 digits, as a payer may have written them. */
    public static CustomerCode ofDigits(String eightDigits) {
        return new CustomerCode("CUS" + eightDigits.toUpperCase(Locale.ROOT));
    }

    @Override
    public int compareTo(CustomerCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
