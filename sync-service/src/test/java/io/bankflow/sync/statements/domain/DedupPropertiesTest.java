package io.bankflow.sync.statements.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** The dedup rule holds for every mix of pending, booked, repeated and id-less lines, in every order. */
class DedupPropertiesTest {

    /**
     * One bank entry: its pending form (maybe), its booked form (maybe; a new or the same id), with or without entry
     * reference and provider ids. Entries differ in amount, so two entries never share a normalised key.
     */
    record Entry(
            int n, boolean hasPending, boolean hasBooked, boolean withIds, boolean keepsId, boolean withReference) {

        List<StatementLine> lines() {
            List<StatementLine> lines = new ArrayList<>();
            String reference = withReference ? "E-" + n : null;
            StatementLine pending = line(withIds ? "p-" + n : null, reference, LineStatus.PENDING, null);
            if (hasPending || !hasBooked) {
                lines.add(pending);
            }
            if (hasBooked) {
                String id = withIds ? (keepsId ? "p-" + n : "b-" + n) : null;
                lines.add(line(id, reference, LineStatus.BOOKED, LocalDate.of(2026, 11, 3)));
            }
            return lines;
        }

        private StatementLine line(
                @Nullable String id, @Nullable String reference, LineStatus status, @Nullable LocalDate bookingDate) {
            return new StatementLine(
                    "acc-1",
                    id,
                    reference,
                    status,
                    bookingDate,
                    LocalDate.of(2026, 11, 2),
                    BigDecimal.valueOf(n * 100L + 1, 2),
                    "EUR",
                    "Party " + n,
                    null,
                    "Invoice " + n,
                    null,
                    null,
                    null);
        }

        /** Pending and booked forms are recognised as one entry only through an id or an entry reference. */
        int expectedCurrentLines() {
            boolean linked = withReference || (withIds && keepsId);
            return hasPending && hasBooked && !linked ? 2 : 1;
        }
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<Entry> entry = Combinators.combine(
                        Arbitraries.integers().between(1, 10_000),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(Entry::new);
        return entry.list().ofMaxSize(20).uniqueElements(Entry::n);
    }

    @Property
    void acceptingEverythingAgainChangesNothing(@ForAll("entries") List<Entry> entries) {
        List<StatementLine> incoming = flatten(entries);
        StatementLineIndex index = StatementLineIndex.knowing(incoming);
        List<StatementLine> before = index.current();

        List<DedupOutcome> again = index.acceptAll(incoming);

        assertThat(again).noneMatch(DedupOutcome::isNew);
        assertThat(index.current()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Property
    void theOutcomeDoesNotDependOnTheOrderLinesArriveIn(@ForAll("entries") List<Entry> entries, @ForAll long seed) {
        List<StatementLine> incoming = flatten(entries);
        List<StatementLine> shuffled = new ArrayList<>(incoming);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(new HashSet<>(StatementLineIndex.knowing(shuffled).current()))
                .isEqualTo(new HashSet<>(StatementLineIndex.knowing(incoming).current()));
    }

    @Property
    void repeatsAcrossPagesCountOnceAndBookedFormsWin(@ForAll("entries") List<Entry> entries, @ForAll long seed) {
        List<StatementLine> pages = new ArrayList<>(flatten(entries));
        Random random = new Random(seed);
        List<StatementLine> repeated = new ArrayList<>();
        for (StatementLine line : pages) {
            if (random.nextBoolean()) {
                repeated.add(line); // the same transaction again on a later page
            }
        }
        pages.addAll(repeated);
        Collections.shuffle(pages, random);

        StatementLineIndex index = new StatementLineIndex();
        List<DedupOutcome> outcomes = index.acceptAll(pages);

        int expected = entries.stream().mapToInt(Entry::expectedCurrentLines).sum();
        assertThat(index.current()).hasSize(expected);
        long added =
                outcomes.stream().filter(o -> o instanceof DedupOutcome.New).count();
        long superseded = outcomes.stream()
                .filter(o -> o instanceof DedupOutcome.Supersedes)
                .count();
        assertThat(added).isEqualTo(expected);
        assertThat(superseded).isLessThanOrEqualTo(entries.size());
        for (Entry entry : entries) {
            if (entry.hasBooked() && (entry.withReference() || (entry.withIds() && entry.keepsId()))) {
                assertThat(index.current())
                        .filteredOn(line -> line.remittanceUnstructured().equals("Invoice " + entry.n()))
                        .singleElement()
                        .extracting(StatementLine::status)
                        .isEqualTo(LineStatus.BOOKED);
            }
        }
    }

    private static List<StatementLine> flatten(List<Entry> entries) {
        return entries.stream().flatMap(entry -> entry.lines().stream()).toList();
    }
}
