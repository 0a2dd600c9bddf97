package io.bankflow.connection.accounts.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ERP's general-ledger account a bank account posts to, e.g. {@code 1920} (a Norwegian/Swedish chart of
 * accounts' bank account). Charts differ, so the rule is only what any ledger code looks like: 1 to 32 letters or
 * digits, optionally separated by single {@code .}, {@code -} or {@code /}.
 *
 * @param value the code, trimmed
 */
public record GlCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]+([.\\-/][A-Za-z0-9]+)*");

    public GlCode {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidAccountDetail("glCode", "must not be blank");
        }
        if (value.length() > 32 || !FORMAT.matcher(value).matches()) {
            throw new InvalidAccountDetail(
                    "glCode", "must be 1 to 32 letters or digits, optionally separated by '.', '-' or '/'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
