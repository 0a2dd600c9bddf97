package io.bankflow.sync.statements.application.port.out;

import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.StatementLine;
import java.util.List;

/**
 * Every transaction of an account the provider listed for a window, all pages drained, before deduplication (a
 * transaction a provider repeats on two pages is here twice).
 *
 * @param lines the transactions that could be normalised, in the provider's order
 * @param errors one safe description per transaction that could not be normalised (skipped)
 * @param pages how many pages were read
 * @param balances the balances the provider reported with the transactions (Berlin Group {@code withBalance}); empty
 *     when it reports none that way and they must be read separately
 */
public record FetchedTransactions(
        List<StatementLine> lines, List<String> errors, int pages, List<AccountBalance> balances) {

    public FetchedTransactions {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
        balances = List.copyOf(balances);
    }

    /** Transactions without balances. */
    public FetchedTransactions(List<StatementLine> lines, List<String> errors, int pages) {
        this(lines, errors, pages, List.of());
    }

    /** Lines received plus lines that could not be normalised. */
    public int fetchedCount() {
        return lines.size() + errors.size();
    }

    public long count(LineStatus status) {
        return lines.stream().filter(line -> line.status() == status).count();
    }
}
