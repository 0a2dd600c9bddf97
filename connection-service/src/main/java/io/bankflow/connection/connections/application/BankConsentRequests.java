package io.bankflow.connection.connections.application;

import io.bankflow.connection.accounts.domain.BankAccount;
import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.apisupport.ProviderUnavailableException;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import io.bankflow.httpapi.UnprocessableException;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks a bank for a consent to read one account, as the connection's creation and its re-authorization do. */
final class BankConsentRequests {

    private static final Logger log = LoggerFactory.getLogger(BankConsentRequests.class);

    private BankConsentRequests() {}

    /**
     * @throws UnprocessableException (422 {@code bank-account-inactive}, {@code consent-refused})
     * @throws ProviderUnavailableException (502) when the bank cannot be reached
     */
    static BankConsents.CreatedConsent request(
            BankConsents bank, BankAccount account, String orgId, LocalDate validUntil, int frequencyPerDay) {
        if (!account.active()) {
            throw new UnprocessableException(
                    "bank-account-inactive",
                    "Bank account inactive",
                    "Bank account " + account.id() + " is deactivated; activate it before connecting it.");
        }
        try {
            return bank.createConsent(
                    new BankConsents.ConsentRequest(account.iban().value(), validUntil, frequencyPerDay));
        } catch (BankConsents.ConsentRefusedException refused) {
            // The bank's words may quote the account's IBAN: masked again here, whichever adapter refused.
            String code = Iban.maskAllIn(refused.code());
            log.warn(
                    "Bank {} refused a consent for account {} ({}) of organisation {}: {} {}",
                    bank.provider(),
                    account.id(),
                    account.iban().masked(),
                    orgId,
                    code,
                    Iban.maskAllIn(String.valueOf(refused.getMessage())));
            throw new UnprocessableException(
                    "consent-refused",
                    "Consent refused by the bank",
                    "The bank refused to create a consent for this account (" + code
                            + "); check that the account is held at this bank.");
        } catch (BankConsents.BankUnavailableException unavailable) {
            throw new ProviderUnavailableException(
                    "The bank could not be reached to create the consent; try again later.", unavailable);
        }
    }
}
