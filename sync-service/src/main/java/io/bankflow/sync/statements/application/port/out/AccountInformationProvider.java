package io.bankflow.sync.statements.application.port.out;

import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.ProviderAccount;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's account information service (PSD2 AIS or an aggregator). Each call is unattended (no user present) and
 * may count against the provider's daily quota. Every method throws {@link ProviderFailure} when the provider gives
 * no usable answer.
 */
public interface AccountInformationProvider {

    /** The accounts the consent covers. */
    List<ProviderAccount> accounts(ProviderAccess access);

    /** The balances the provider reports for the account. */
    List<AccountBalance> balances(ProviderAccess access, String accountResourceId);

    /**
     * Booked and pending transactions of the account booked from {@code dateFrom} to {@code dateTo} (inclusive;
     * {@code null}: today), every page read.
     */
    FetchedTransactions transactions(
            ProviderAccess access, String accountResourceId, LocalDate dateFrom, @Nullable LocalDate dateTo);
}
