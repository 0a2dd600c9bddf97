package io.bankflow.sync.jobs.application.port.out;

import io.bankflow.sync.jobs.domain.SyncJob;
import io.bankflow.sync.jobs.domain.SyncWindow;
import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.StoredStatementLine;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The events of a job's life, written in the caller's transaction (outbox). */
public interface SyncEvents {

    /** SyncJobStarted, on the job's first run. */
    void started(SyncJob job, SyncWindow window);

    /** StatementFetched: the new lines of the job's account, oldest first, with the closing balance if reported. */
    void statementFetched(SyncJob job, List<StoredStatementLine> lines, @Nullable AccountBalance closingBalance);

    /** SyncJobCompleted. */
    void completed(SyncJob job);

    /** SyncJobFailed. */
    void failed(SyncJob job);
}
