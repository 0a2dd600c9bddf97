package io.bankflow.sandboxbank.bank.domain;

import java.math.BigInteger;
import java.util.Locale;

/** IBANs (ISO 13616): the mod-97 check digits, and Norway's national mod-11 check digit of the BBAN. */
public final class Iban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final int[] NORWEGIAN_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Iban() {}

    /**
     * The IBAN of a national account number.
     *
     * @param country ISO 3166 alpha-2 code
     * @param bban the basic bank account number, letters and digits
     * @return country + the two ISO 13616 check digits + bban
     */
    public static String of(String country, String bban) {
        String upper = bban.toUpperCase(Locale.ROOT);
        int check = 98 - mod97(upper + country.toUpperCase(Locale.ROOT) + "00");
        return country.toUpperCase(Locale.ROOT) + String.format(Locale.ROOT, "%02d", check) + upper;
    }

    /** Whether the text (spaces ignored) has the IBAN form and its check digits are right (mod 97 = 1). */
    public static boolean isValid(String iban) {
        String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /**
     * A Norwegian BBAN: 4-digit bank register number + 6-digit account + the mod-11 check digit.
     *
     * @throws IllegalArgumentException when the ten digits have no check digit (remainder 1): Norway never issues
     *     those numbers
     */
    public static String norwegianBban(String bankAndAccount) {
        if (!bankAndAccount.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("A Norwegian account number has 10 digits before its check digit");
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (bankAndAccount.charAt(i) - '0') * NORWEGIAN_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            throw new IllegalArgumentException(bankAndAccount + " has no valid mod-11 check digit");
        }
        return bankAndAccount + (check == 11 ? 0 : check);
    }

    /** Whether an 11-digit Norwegian BBAN's last digit is its mod-11 check digit. */
    public static boolean isValidNorwegianBban(String bban) {
        if (!bban.matches("[0-9]{11}")) {
            return false;
        }
        try {
            return norwegianBban(bban.substring(0, 10)).equals(bban);
        } catch (IllegalArgumentException noCheckDigit) {
            return false;
        }
    }

    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
