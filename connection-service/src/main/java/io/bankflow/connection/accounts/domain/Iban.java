package io.bankflow.connection.accounts.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616): country code, two check digits (ISO 7064 mod 97-10) and the
 * country's BBAN, at the length the SWIFT IBAN registry sets for that country. Held in electronic form (upper case,
 * no spaces); shown to people only {@linkplain #masked() masked}.
 *
 * @param value the electronic form, e.g. {@code NO9386011117947}
 */
public record Iban(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    private static final Pattern BBAN = Pattern.compile("[A-Z0-9]{1,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /**
     * Anything in a text that looks like an IBAN, electronic or paper form: country, check digits, then 11 to 30
     * letters or digits with single spaces allowed between them. Deliberately loose (no check-digit or length test):
     * what it catches is masked, and masking a little too much is harmless where missing one is not.
     */
    private static final Pattern IN_TEXT =
            Pattern.compile("(?<![A-Z0-9])[A-Z]{2}[0-9]{2}(?:[ \u00a0]?[A-Z0-9]){11,30}(?![A-Z0-9])");

    /** IBAN length per country (SWIFT IBAN registry). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HN", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    public Iban {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidAccountDetail("iban", problem);
        }
    }

    /**
     * Reads an IBAN as people write it: spaces anywhere, any letter case.
     *
     * @throws InvalidAccountDetail (field {@code iban}) when it is not a valid IBAN
     */
    public static Iban parse(String text) {
        return new Iban(normalise(text));
    }

    /** Whether the text is a valid IBAN in any of the forms {@link #parse} accepts. */
    public static boolean isValid(String text) {
        return problemWith(normalise(text)) == null;
    }

    /**
     * Builds the IBAN of a BBAN, computing its check digits.
     *
     * @throws InvalidAccountDetail when the country is not in the registry or the BBAN has the wrong length
     */
    public static Iban of(String country, String bban) {
        if (!BBAN.matcher(bban).matches()) {
            throw new InvalidAccountDetail("iban", "the BBAN must be 1 to 30 letters or digits");
        }
        int check = 98 - mod97(bban + country + "00");
        return new Iban(country + (check < 10 ? "0" : "") + check + bban);
    }

    /** The length of the country's IBANs, or 0 when the country does not use IBANs. */
    public static int lengthIn(String country) {
        return LENGTHS.getOrDefault(country, 0);
    }

    /** The ISO 3166 country code. */
    public String country() {
        return value.substring(0, 2);
    }

    /** The last four characters, which people use to tell their accounts apart. */
    public String lastFour() {
        return value.substring(value.length() - 4);
    }

    /**
     * For display: country and check digits, then one {@code ****} per hidden group of four, then the last four
     * characters, e.g. {@code NO93 **** **** 7947}. The full number is never shown.
     */
    public String masked() {
        return mask(value);
    }

    /**
     * The text with every IBAN in it {@linkplain #masked() masked}, for texts that come from elsewhere (a bank's error
     * message) and go to logs, exception messages or API answers.
     */
    public static String maskAllIn(String text) {
        return IN_TEXT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(mask(normalise(match.group()))));
    }

    private static String mask(String electronic) {
        int hidden = electronic.length() - 8;
        StringBuilder masked = new StringBuilder(electronic.substring(0, 4));
        for (int group = 0; group < (hidden + 3) / 4; group++) {
            masked.append(" ****");
        }
        return masked.append(' ')
                .append(electronic.substring(electronic.length() - 4))
                .toString();
    }

    /** The electronic form in groups of four (the paper form), e.g. {@code NO93 8601 1117 947}. */
    public String grouped() {
        return value.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        // Never the full number in logs or messages.
        return masked();
    }

    private static String normalise(String text) {
        return text.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
    }

    private static String problemWith(String value) {
        if (!SHAPE.matcher(value).matches()) {
            return "must be a country code, two check digits and the account number (letters and digits only)";
        }
        int length = lengthIn(value.substring(0, 2));
        if (length == 0) {
            return "must start with the code of a country that uses IBANs";
        }
        if (value.length() != length) {
            return "must have " + length + " characters for country " + value.substring(0, 2);
        }
        int checkDigits = Integer.parseInt(value.substring(2, 4));
        if (checkDigits < 2 || checkDigits > 98 || mod97(value.substring(4) + value.substring(0, 4)) != 1) {
            return "has wrong check digits (ISO 13616 mod 97); check for a typing error";
        }
        return null;
    }

    /** ISO 7064 mod 97-10 of a text in which letters count as 10 (A) to 35 (Z). */
    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
