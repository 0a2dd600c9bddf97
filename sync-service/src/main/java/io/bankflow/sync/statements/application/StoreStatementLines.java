package io.bankflow.sync.statements.application;

import io.bankflow.sync.statements.application.port.out.StatementLineStore;
import io.bankflow.sync.statements.domain.DedupOutcome;
import io.bankflow.sync.statements.domain.StatementLine;
import io.bankflow.sync.statements.domain.StatementLineIndex;
import io.bankflow.sync.statements.domain.StoredStatementLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a fetch brought for one account, deduplicated against everything stored for it before
 * ({@link StatementLineIndex}): new lines get a Bankflow id; a booked line that replaces a known pending one is stored
 * as superseding it; known lines are skipped. Runs in the caller's transaction, so the lines, the job's outcome and
 * the events announcing them commit together.
 */
@Service
public class StoreStatementLines {

    /** Oldest first, as StatementFetched promises; lines without any date last, in the provider's order. */
    private static final Comparator<StoredStatementLine> OLDEST_FIRST = Comparator.comparing(
            (StoredStatementLine stored) -> stored.line().effectiveDate(),
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final StatementLineStore store;

    StoreStatementLines(StatementLineStore store) {
        this.store = store;
    }

    /**
     * What storing a fetch did.
     *
     * @param stored the lines stored now, oldest first
     * @param duplicates how many fetched lines were already known
     */
    public record Result(List<StoredStatementLine> stored, int duplicates) {
        public Result {
            stored = List.copyOf(stored);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Result store(String orgId, UUID accountId, UUID jobId, List<StatementLine> fetched) {
        store.lockAccount(orgId, accountId);
        List<StoredStatementLine> known = store.linesOf(orgId, accountId);
        // The index hands back the very instances it was given, so ids are looked up by identity.
        Map<StatementLine, UUID> ids = new IdentityHashMap<>();
        StatementLineIndex index = new StatementLineIndex();
        for (StoredStatementLine line : known) {
            ids.put(line.line(), line.lineId());
            index.accept(line.line());
        }
        List<StoredStatementLine> stored = new ArrayList<>();
        int duplicates = 0;
        for (StatementLine line : fetched) {
            DedupOutcome outcome = index.accept(line);
            switch (outcome) {
                case DedupOutcome.Duplicate duplicate -> duplicates++;
                case DedupOutcome.New added -> {
                    StoredStatementLine newLine = new StoredStatementLine(UUID.randomUUID(), added.line(), null);
                    ids.put(added.line(), newLine.lineId());
                    stored.add(newLine);
                }
                case DedupOutcome.Supersedes booked -> {
                    UUID pendingId = Objects.requireNonNull(
                            ids.get(booked.pending()), "the superseded pending line is one the index was given");
                    StoredStatementLine newLine = new StoredStatementLine(UUID.randomUUID(), booked.line(), pendingId);
                    ids.put(booked.line(), newLine.lineId());
                    // A pending line stored in this same fetch is replaced before it was ever published.
                    boolean storedNow = stored.removeIf(line1 -> line1.lineId().equals(pendingId));
                    if (!storedNow) {
                        store.markSuperseded(orgId, pendingId, newLine.lineId());
                    }
                    stored.add(storedNow ? new StoredStatementLine(newLine.lineId(), newLine.line(), null) : newLine);
                }
            }
        }
        store.insert(orgId, accountId, jobId, stored);
        List<StoredStatementLine> oldestFirst = new ArrayList<>(stored);
        oldestFirst.sort(OLDEST_FIRST);
        return new Result(oldestFirst, duplicates);
    }
}
