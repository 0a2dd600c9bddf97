package io.bankflow.webhookingest.receiving.application;

import java.util.Objects;
import java.util.UUID;

/** What became of a delivery. */
public sealed interface Receipt {

    /** How the delivery is counted in {@code bankflow_webhooks_received_total{outcome}}. */
    Outcome outcome();

    /**
     * Stored for the first time and published.
     *
     * @param webhookId Bankflow's id of the stored delivery
     */
    record Accepted(UUID webhookId) implements Receipt {
        @Override
        public Outcome outcome() {
            return Outcome.ACCEPTED;
        }
    }

    /**
     * The same event was stored before (a provider retry): nothing new stored or published.
     *
     * @param webhookId the id of the delivery stored earlier
     */
    record Duplicate(UUID webhookId) implements Receipt {
        @Override
        public Outcome outcome() {
            return Outcome.DUPLICATE;
        }
    }

    /**
     * Refused; nothing stored or published.
     *
     * @param outcome why
     * @param detail which check failed, for the provider's operators; no secrets, signatures or body content
     */
    record Rejected(Outcome outcome, String detail) implements Receipt {
        public Rejected {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
            if (outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE || outcome == Outcome.ERROR) {
                throw new IllegalArgumentException("Not a rejection: " + outcome);
            }
        }
    }

    /** Every outcome, with its metric label. */
    enum Outcome {
        ACCEPTED("accepted"),
        DUPLICATE("duplicate"),
        /** No active endpoint of that provider with that id. */
        UNKNOWN_ENDPOINT("unknown_endpoint"),
        /** Signature (or a header it needs) missing, malformed or not matching. */
        SIGNATURE_INVALID("signature_invalid"),
        /** Authentic, but signed too long ago (or too far ahead). */
        STALE("stale"),
        /** Authentic, but not a well-formed delivery of its provider (not JSON, no event id). */
        MALFORMED("malformed"),
        /** Body over the size limit. */
        TOO_LARGE("too_large"),
        /** Failed on our side (database or broker unavailable, a bug): answered 500, the provider retries. */
        ERROR("error");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The value of the {@code outcome} tag. */
        public String label() {
            return label;
        }
    }
}
