package io.bankflow.testinfra;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Names of throwaway test databases: {@code t_<hint>_<random>}, valid unquoted PostgreSQL identifiers. */
final class DatabaseNames {

    /** Every test database starts with this; stale-database cleanup only ever looks at these. */
    static final String PREFIX = "t_";

    /** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1). */
    static final int MAX_LENGTH = 63;

    private static final int RANDOM_LENGTH = 10;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]+");
    private static final RandomGenerator RANDOM = new SecureRandom();

    private DatabaseNames() {}

    /** A fresh name; the hint (a test class name, say) only makes it readable, uniqueness comes from the suffix. */
    static String newName(String hint) {
        return newName(hint, RANDOM);
    }

    static String newName(String hint, RandomGenerator random) {
        String cleaned = NOT_ALLOWED
                .matcher(hint.toLowerCase(Locale.ROOT))
                .replaceAll("_")
                .replaceAll("^_+|_+$", "");
        if (cleaned.isEmpty()) {
            cleaned = "db";
        }
        int maxHint = MAX_LENGTH - PREFIX.length() - 1 - RANDOM_LENGTH;
        if (cleaned.length() > maxHint) {
            cleaned = cleaned.substring(0, maxHint).replaceAll("_+$", "");
        }
        StringBuilder name = new StringBuilder(PREFIX).append(cleaned).append('_');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
