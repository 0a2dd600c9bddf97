package io.bankflow.sync.statements.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The normalised key of a statement line: SHA-256 (64 hex characters) over account, booking date (value date while
 * pending), amount (scale-free: {@code 10.5} = {@code 10.50}), currency, counterparty (name case- and
 * space-insensitive, account without spaces), remittance (case- and space-insensitive) and entry reference. Two lines
 * with the same key are the same transaction for a provider that gives no transaction ids.
 *
 * @param value the 64 lower-case hex characters
 */
public record DedupKey(String value) {

    private static final char SEPARATOR = '\u001f';

    public DedupKey {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a dedup key: " + value);
        }
    }

    /** The key of {@code line}. */
    public static DedupKey of(StatementLine line) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, line.accountRef());
        append(
                canonical,
                line.effectiveDate() == null ? null : line.effectiveDate().toString());
        append(canonical, line.amount().stripTrailingZeros().toPlainString());
        append(canonical, line.currency());
        append(canonical, lower(line.counterpartyName()));
        append(
                canonical,
                line.counterpartyAccount() == null
                        ? null
                        : line.counterpartyAccount().replace(" ", "").toUpperCase(Locale.ROOT));
        append(canonical, lower(line.remittanceUnstructured()));
        append(canonical, lower(line.remittanceStructured()));
        append(canonical, line.entryReference());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return new DedupKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    private static @Nullable String lower(@Nullable String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder canonical, @Nullable String part) {
        canonical.append(part == null ? "" : part).append(SEPARATOR);
    }
}
