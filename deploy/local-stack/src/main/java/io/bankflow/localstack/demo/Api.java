package io.bankflow.localstack.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What Bankflow's public API answers, as the demo and the system tests read it: only the members they use (unknown
 * members are ignored). The services' controllers and {@code docs/services/*.md} are the reference. Members that hold
 * a credential (an authorization URL with its state, a signing secret) are left out of {@code toString}.
 */
public final class Api {

    private Api() {}

    /** {@code {"amount": "125.50", "currency": "EUR"}}: an exact decimal and its ISO 4217 code. */
    public record Money(BigDecimal amount, String currency) {
        @Override
        public String toString() {
            return currency + " " + amount.toPlainString();
        }
    }

    /** A bank account (never the full IBAN). */
    public record BankAccount(
            UUID id,
            String glCode,
            String currency,
            String maskedIban,
            String name,
            boolean active,
            UUID connectionId,
            Instant createdAt) {}

    /** A bank connection; {@code authorizationUrl} only in the answer to its creation. */
    public record Connection(
            UUID id,
            String status,
            String statusReason,
            String provider,
            String environment,
            UUID bankAccountId,
            String consentId,
            LocalDate consentValidUntil,
            String failureReason,
            Reauthentication reauthentication,
            Instant createdAt,
            URI authorizationUrl) {

        @Override
        public String toString() {
            return "Connection[id=" + id + ", status=" + status + ", bankAccountId=" + bankAccountId + ", consentId="
                    + consentId + ", failureReason=" + failureReason + "]";
        }
    }

    /** How to authorise a connection again (EXPIRING, EXPIRED, ERROR). */
    public record Reauthentication(boolean required, String message, String method, String url) {}

    /** One change of a connection's status. */
    public record StatusChange(String from, String to, String reason, String detail, String actor, Instant changedAt) {}

    /** A connection's status history, oldest first. */
    public record ConnectionHistory(List<StatusChange> items) {}

    /** What {@code /oauth/callback} answers a non-browser client. */
    public record CallbackResult(UUID connectionId, String status, String failureReason, String message) {}

    /** A sync job of sync-service with its counts; {@code failure} is null unless it FAILED. */
    public record SyncJob(
            UUID id,
            UUID connectionId,
            UUID accountId,
            String reason,
            String status,
            LocalDate dateFrom,
            LocalDate dateTo,
            Instant requestedAt,
            Instant startedAt,
            Instant finishedAt,
            Counts counts,
            Failure failure) {

        /** Whether the job has ended, well or not. */
        public boolean finished() {
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        }

        /** Lines fetched from the provider, new ones, known ones, unreadable ones. */
        public record Counts(
                long fetched, @JsonProperty("new") long newLines, long duplicates, long errors) {}

        /** Why a job failed, and whether trying again later may help. */
        public record Failure(String code, String message, boolean retryable) {}
    }

    /** An expected payment: a customer code the ERP expects money from. */
    public record ExpectedPayment(
            UUID id,
            String customerCode,
            String customerName,
            Money expectedAmount,
            String reference,
            boolean active) {}

    /** A credit matched to an expected payment (by customer code, or by hand from the review queue). */
    public record DepositMatch(
            UUID id,
            UUID statementLineId,
            UUID accountId,
            Money amount,
            LocalDate bookingDate,
            String customerCode,
            UUID expectedPaymentId,
            String method,
            UUID reviewItemId,
            Instant createdAt) {}

    /** A credit that could not be matched, waiting for a person. */
    public record ReviewItem(
            UUID id,
            String status,
            String reason,
            List<String> foundCustomerCodes,
            UUID statementLineId,
            UUID accountId,
            Money amount,
            LocalDate bookingDate,
            String counterpartyName,
            String remittanceInformation,
            Instant createdAt) {}

    /** One page of a list: {@code nextCursor} is null on the last page. */
    public record Page<T>(List<T> items, String nextCursor) {}

    /** {@code GET /api/banking/cashflow}: daily history ending today and a forecast after it. */
    public record Cashflow(
            UUID accountId,
            String currency,
            LocalDate asOf,
            String balanceBasis,
            Anchor anchor,
            List<HistoryDay> history,
            Forecast forecast) {

        /** The latest balance the bank reported, which the history is reconstructed from. */
        public record Anchor(LocalDate date, BigDecimal amount) {}

        /** End-of-day balance with the day's booked inflow and outflow (both non-negative). */
        public record HistoryDay(LocalDate date, BigDecimal balance, BigDecimal inflow, BigDecimal outflow) {}

        /** The method, its inputs (to redo it by hand) and the forecast balances. */
        public record Forecast(
                String method, String description, Map<String, Object> inputs, List<ForecastPoint> points) {}

        /** A forecast end-of-day balance. */
        public record ForecastPoint(LocalDate date, BigDecimal balance) {}
    }

    /** A per-organisation webhook endpoint; {@code signingSecret} only in the answer to its creation. */
    public record WebhookEndpoint(
            UUID id, String provider, String url, String signingSecret, boolean active, Instant createdAt) {

        @Override
        public String toString() {
            return "WebhookEndpoint[id=" + id + ", provider=" + provider + ", url=" + url + ", active=" + active + "]";
        }
    }

    /** An RFC 9457 problem, as every Bankflow error answers. */
    public record Problem(String type, String title, int status, String detail, String instance) {}
}
