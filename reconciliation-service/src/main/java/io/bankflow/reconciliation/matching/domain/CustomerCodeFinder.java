package io.bankflow.reconciliation.matching.domain;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds customer codes in what a payer wrote: {@code CUS} followed by exactly 8 digits, as a word of its own.
 *
 * <p>The rules, chosen for how people type references into banking apps:
 *
 * <ul>
 *   <li>case-insensitive: {@code cus00012345} and {@code Cus00012345} are {@code CUS00012345};
 *   <li>word-bounded: no letter, digit or underscore directly before {@code CUS} or after the last digit, so {@code
 *       XCUS00012345}, {@code CUS000123456} (9 digits) and {@code CUS00012345A} are not codes;
 *   <li>one optional separator (a space or a hyphen) is tolerated after {@code CUS} and between the two groups of four
 *       digits: {@code CUS 0001 2345}, {@code CUS-0001-2345}, {@code CUS-00012345}. Other splits ({@code CUS 00 01 23
 *       45}) and other separators (dots, slashes, two spaces) are not read as codes: every extra tolerance also
 *       turns unrelated numbers into false candidates;
 *   <li>only ASCII digits.
 * </ul>
 */
public final class CustomerCodeFinder {

    private static final Pattern CODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])CUS[ -]?([0-9]{4})[ -]?([0-9]{4})(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE);

    private CustomerCodeFinder() {}

    /**
     * The distinct customer codes in a text, in canonical form and sorted.
     *
     * @param text free text or a structured reference; null finds nothing
     */
    public static SortedSet<CustomerCode> findIn(@Nullable String text) {
        if (text == null || text.length() < 11) {
            return Collections.emptySortedSet();
        }
        SortedSet<CustomerCode> codes = new TreeSet<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(CustomerCode.ofDigits(matcher.group(1) + matcher.group(2)));
        }
        return Collections.unmodifiableSortedSet(codes);
    }

    /** The distinct codes in any of the texts. */
    public static SortedSet<CustomerCode> findIn(@Nullable String first, @Nullable String second) {
        SortedSet<CustomerCode> codes = new TreeSet<>(findIn(first));
        codes.addAll(findIn(second));
        return Collections.unmodifiableSortedSet(codes);
    }
}
