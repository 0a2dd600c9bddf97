package io.bankflow.connection.connections.application.port.out;

import java.net.URI;
import java.time.LocalDate;

/**
 * A bank's consent API (PSD2 account information) and its OAuth authorization endpoint, for one provider.
 * Implementations are the provider adapters ({@code adapter/out/bank}).
 */
public interface BankConsents {

    /** The provider this adapter talks to, e.g. {@code sandbox-bank}. */
    String provider();

    /**
     * Creates a consent to read the account's balances and transactions, to be authorised by the user.
     *
     * @throws ConsentRefusedException when the bank refuses the request (e.g. it does not know the IBAN)
     * @throws BankUnavailableException when the bank cannot be reached or fails
     */
    CreatedConsent createConsent(ConsentRequest request);

    /**
     * The URL to send the user to so they authorise the consent: OAuth2 authorization code with PKCE S256.
     *
     * @param state the OAuth state
     * @param codeChallenge the S256 PKCE challenge
     * @param redirectUri where the bank sends the user back
     */
    URI authorizationUrl(CreatedConsent consent, String state, String codeChallenge, URI redirectUri);

    /**
     * The consent as the bank holds it (Berlin Group {@code GET /v1/consents/{consentId}}): how long it is valid after
     * the bank adjusted what was asked.
     *
     * @throws ConsentRefusedException when the bank does not know it
     * @throws BankUnavailableException when the bank cannot be reached or fails
     */
    ConsentDetails consent(String consentId);

    /**
     * Ends the consent at the bank (Berlin Group {@code DELETE /v1/consents/{consentId}}; the bank stops accepting its
     * tokens). A consent the bank no longer knows counts as ended.
     *
     * @throws BankUnavailableException when the bank cannot be reached or fails
     */
    void revokeConsent(String consentId);

    /**
     * A consent at the bank.
     *
     * @param validUntil its last day (inclusive)
     * @param status the bank's status, e.g. {@code valid}, {@code expired}, {@code terminatedByTpp}
     */
    record ConsentDetails(LocalDate validUntil, String status) {}

    /**
     * What to ask the bank for.
     *
     * @param iban the account, electronic form
     * @param validUntil the last day of the consent (the bank may shorten it)
     * @param frequencyPerDay unattended reads per day
     */
    record ConsentRequest(String iban, LocalDate validUntil, int frequencyPerDay) {

        @Override
        public String toString() {
            return "ConsentRequest[validUntil=" + validUntil + ", frequencyPerDay=" + frequencyPerDay + "]";
        }
    }

    /**
     * A consent the bank created, waiting for the user.
     *
     * @param consentId the bank's id of it
     * @param authorizationEndpoint the bank's OAuth authorization endpoint for it
     */
    record CreatedConsent(String consentId, URI authorizationEndpoint) {}

    /** The bank refused the consent request; the code is the bank's (e.g. Berlin Group {@code FORMAT_ERROR}). */
    final class ConsentRefusedException extends RuntimeException {

        private final String code;

        public ConsentRefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The bank could not be reached, timed out or failed. */
    final class BankUnavailableException extends RuntimeException {

        public BankUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        public BankUnavailableException(String message) {
            super(message);
        }
    }
}
