package io.bankflow.reconciliation.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Rules of matching that must hold for every text and every set of lines, not only the examples. */
class MatchingPropertiesTest {

    @Property
    void aCodeEmbeddedAnywhereInTextIsFound(
            @ForAll("texts") String before,
            @ForAll("codes") CustomerCode code,
            @ForAll("spellings") Function<CustomerCode, String> spelling,
            @ForAll("texts") String after) {
        // Separated from the surrounding text by a space: a code glued to a word is not a code (word-bounded).
        String text = before + " " + spelling.apply(code) + " " + after;

        assertThat(CustomerCodeFinder.findIn(text)).contains(code);
    }

    @Property
    void textWithoutCusNeverYieldsACode(@ForAll("texts") String text) {
        String withoutCus = text.replaceAll("(?i)cus", "cu s");

        assertThat(CustomerCodeFinder.findIn(withoutCus)).isEmpty();
    }

    @Property
    void textWithoutEightDigitsAfterCusNeverYieldsACode(
            @ForAll("texts") String text, @ForAll @IntRange(max = 7) int digits) {
        // CUS followed by too few digits, and no other digits anywhere.
        String noDigits = text.replaceAll("[0-9]", "x");
        String shortCode = "CUS" + "1".repeat(digits);

        assertThat(CustomerCodeFinder.findIn(noDigits + " " + shortCode + " " + noDigits))
                .isEmpty();
    }

    @Property
    void everyCodeFoundIsCanonicalAndWrittenInTheText(@ForAll("textsWithCodes") String text) {
        for (CustomerCode code : CustomerCodeFinder.findIn(text)) {
            assertThat(code.value()).matches("CUS[0-9]{8}");
            String digitsInText = text.replaceAll("[ -]", "").toUpperCase(Locale.ROOT);
            assertThat(digitsInText).contains(code.value());
        }
    }

    @Property
    void decisionsDoNotDependOnTheOrderOfTheLines(
            @ForAll("statements") List<StatementLine> lines,
            @ForAll("knownCodes") Set<CustomerCode> known,
            @ForAll long seed) {
        List<StatementLine> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(byLine(DepositMatcher.decideAll(shuffled, known::contains)))
                .isEqualTo(byLine(DepositMatcher.decideAll(lines, known::contains)));
    }

    @Property
    void aMatchIsAlwaysAKnownCodeTheLineCarries(
            @ForAll("statementLines") StatementLine line, @ForAll("knownCodes") Set<CustomerCode> known) {
        if (DepositMatcher.decide(line, known::contains) instanceof DepositDecision.Matched matched) {
            assertThat(known).contains(matched.customerCode());
            assertThat(DepositMatcher.codesIn(line)).contains(matched.customerCode());
            assertThat(DepositMatcher.codesIn(line).stream().filter(known::contains))
                    .containsExactly(matched.customerCode());
        }
    }

    @Property
    void debitsAndPendingLinesAreNeverMatchedNorQueued(
            @ForAll("statementLines") StatementLine line, @ForAll("knownCodes") Set<CustomerCode> known) {
        DepositDecision decision = DepositMatcher.decide(line, known::contains);

        if (!line.isCredit() || line.status() == LineStatus.PENDING) {
            assertThat(decision).isInstanceOf(DepositDecision.Skipped.class);
        } else {
            assertThat(decision).isNotInstanceOf(DepositDecision.Skipped.class);
        }
    }

    private static Map<UUID, DepositDecision> byLine(List<DepositDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(d -> d.line().lineId(), Function.identity()));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars("abcsuCSU0123456789 -/.,:;\n")
                .withCharRange('a', 'z')
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<CustomerCode> codes() {
        return Arbitraries.strings().numeric().ofLength(8).map(digits -> new CustomerCode("CUS" + digits));
    }

    /** A small pool, so lines share codes and known sets overlap them. */
    @Provide
    Arbitrary<CustomerCode> pooledCodes() {
        return Arbitraries.integers().between(1, 6).map(n -> new CustomerCode(String.format("CUS%08d", n)));
    }

    @Provide
    Arbitrary<Set<CustomerCode>> knownCodes() {
        return pooledCodes().set().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Function<CustomerCode, String>> spellings() {
        return Arbitraries.of(
                code -> code.value(),
                code -> code.value().toLowerCase(Locale.ROOT),
                code -> "CUS " + code.value().substring(3, 7) + " "
                        + code.value().substring(7),
                code -> "CUS-" + code.value().substring(3, 7) + "-"
                        + code.value().substring(7),
                code -> "Cus-" + code.value().substring(3));
    }

    @Provide
    Arbitrary<String> textsWithCodes() {
        return Combinators.combine(texts(), codes(), spellings(), texts())
                .as((before, code, spelling, after) -> before + spelling.apply(code) + after);
    }

    @Provide
    Arbitrary<StatementLine> statementLines() {
        Arbitrary<String> remittance = Combinators.combine(
                        texts(), pooledCodes().list().ofMaxSize(3), texts())
                .as((before, codes, after) -> before + " "
                        + codes.stream().map(CustomerCode::value).collect(Collectors.joining(" ")) + " " + after)
                .injectNull(0.1);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(2);
        return Combinators.combine(
                        Arbitraries.of(LineStatus.class),
                        amount,
                        remittance,
                        pooledCodes().injectNull(0.7))
                .as((status, value, text, reference) -> new StatementLine(
                        UUID.randomUUID(),
                        status,
                        status == LineStatus.BOOKED ? LocalDate.of(2026, 11, 20) : null,
                        new Money(value, "EUR"),
                        null,
                        null,
                        text,
                        reference == null ? null : reference.value()));
    }

    @Provide
    Arbitrary<List<StatementLine>> statements() {
        return statementLines().list().ofMaxSize(12).filter(lines -> new HashSet<>(lines).size() == lines.size());
    }
}
