package io.bankflow.sandboxbank.bank.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An AIS consent as the bank holds it.
 *
 * @param consentId the bank's id
 * @param access what it grants (resolved to accounts once authorised)
 * @param recurringIndicator recurring access or a one-off
 * @param validUntil last day it can be used (inclusive), already adjusted to the bank's maximum
 * @param frequencyPerDay reads per account and day without the customer present
 * @param status the stored status; {@link #statusOn} adds expiry
 * @param lastActionDate when the status last changed
 * @param tppClientId the TPP client it was authorised for; none until authorised
 */
public record Consent(
        String consentId,
        AccountAccess access,
        boolean recurringIndicator,
        LocalDate validUntil,
        int frequencyPerDay,
        ConsentStatus status,
        LocalDate lastActionDate,
        @Nullable String tppClientId) {

    /** The status on a day: a received or valid consent past its {@code validUntil} has expired. */
    public ConsentStatus statusOn(LocalDate today) {
        if (!status.isFinal() && today.isAfter(validUntil)) {
            return ConsentStatus.EXPIRED;
        }
        return status;
    }

    public Consent withStatus(ConsentStatus newStatus, LocalDate today) {
        return new Consent(
                consentId, access, recurringIndicator, validUntil, frequencyPerDay, newStatus, today, tppClientId);
    }

    public Consent authorised(AccountAccess resolved, String clientId, LocalDate today) {
        return new Consent(
                consentId,
                resolved,
                recurringIndicator,
                validUntil,
                frequencyPerDay,
                ConsentStatus.VALID,
                today,
                clientId);
    }
}
