package io.bankflow.sync.statements.application.port.out;

import io.bankflow.sync.statements.domain.StoredStatementLine;
import java.util.List;
import java.util.UUID;

/** The statement lines of each account. Every method runs in the caller's transaction. */
public interface StatementLineStore {

    /**
     * Holds the account until the transaction ends, so two jobs feeding one account store their lines one after the
     * other (each sees what the other stored).
     */
    void lockAccount(String orgId, UUID accountId);

    /** Every line stored for the account, superseded pending lines included, in the order they were stored. */
    List<StoredStatementLine> linesOf(String orgId, UUID accountId);

    /** Stores new lines brought in by {@code jobId}, in order. */
    void insert(String orgId, UUID accountId, UUID jobId, List<StoredStatementLine> lines);

    /** Marks a pending line as replaced by its booked form {@code byLineId}. */
    void markSuperseded(String orgId, UUID lineId, UUID byLineId);
}
