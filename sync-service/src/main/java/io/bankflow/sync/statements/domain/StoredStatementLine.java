package io.bankflow.sync.statements.domain;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A statement line as sync-service stored it: Bankflow's id, stable across re-fetches of the same transaction.
 *
 * @param lineId Bankflow's id of the line
 * @param line the line
 * @param supersedesLineId the pending line this booked line replaced, when it replaced one
 */
public record StoredStatementLine(
        UUID lineId, StatementLine line, @Nullable UUID supersedesLineId) {

    public StoredStatementLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(line, "line");
    }
}
