package io.bankflow.reconciliation.expectedpayments.application;

import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.UnprocessableException;
import io.bankflow.reconciliation.expectedpayments.ExpectedPaymentsProperties;
import io.bankflow.reconciliation.expectedpayments.application.port.out.CreationRequests;
import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import io.bankflow.reconciliation.expectedpayments.domain.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an active expected payment for a customer code. An organisation has at most one active expected payment per
 * customer code: another is a conflict (409) naming the existing one.
 *
 * <p>With an {@code Idempotency-Key}, a retry of the same request (same key, same body) within the retention gets the
 * first expected payment again instead of a conflict; the same key with a different body is refused (422).
 */
@Service
public class CreateExpectedPayment {

    private static final Logger log = LoggerFactory.getLogger(CreateExpectedPayment.class);

    private final ExpectedPayments payments;
    private final CreationRequests creationRequests;
    private final ExpectedPaymentsProperties properties;
    private final Clock clock;

    CreateExpectedPayment(
            ExpectedPayments payments,
            CreationRequests creationRequests,
            ExpectedPaymentsProperties properties,
            Clock clock) {
        this.payments = payments;
        this.creationRequests = creationRequests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates the expected payment, or replays an earlier creation with the same idempotency key.
     *
     * @throws ConflictException when the code already has an active expected payment (409)
     * @throws UnprocessableException when the idempotency key was used for a different request (422)
     */
    @Transactional
    public Created create(Command command) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String fingerprint = fingerprint(command);
        if (command.idempotencyKey() != null) {
            Optional<CreationRequests.EarlierCreation> earlier = creationRequests.claim(
                    command.orgId(),
                    command.idempotencyKey(),
                    fingerprint,
                    id,
                    now,
                    now.minus(properties.idempotencyRetention()));
            if (earlier.isPresent()) {
                return replay(command.orgId(), fingerprint, earlier.get());
            }
        }
        ExpectedPayment payment = ExpectedPayment.create(
                id,
                command.orgId(),
                command.customerCode(),
                command.customerName(),
                command.expectedAmount(),
                command.reference(),
                now);
        if (!payments.addIfCodeFree(payment)) {
            throw conflict(command.orgId(), command.customerCode());
        }
        log.info(
                "Created expected payment {} for customer code {} in organisation {}",
                id,
                payment.customerCode(),
                command.orgId());
        return new Created(payment, false);
    }

    private ConflictException conflict(String orgId, CustomerCode code) {
        ConflictException conflict = new ConflictException(
                "customer-code-in-use",
                "Customer code already expected",
                "Customer code " + code + " already has an active expected payment; deactivate it first or use"
                        + " another code.");
        payments.findActive(orgId, code)
                .ifPresent(existing ->
                        conflict.withProperty("existingId", existing.id().toString()));
        return conflict;
    }

    private Created replay(String orgId, String fingerprint, CreationRequests.EarlierCreation earlier) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new UnprocessableException(
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        ExpectedPayment payment = payments.find(orgId, earlier.expectedPaymentId())
                .orElseThrow(() -> new IllegalStateException("Idempotency record of organisation " + orgId
                        + " points to missing expected payment " + earlier.expectedPaymentId()));
        log.info("Replayed the creation of expected payment {} for a retried request", payment.id());
        return new Created(payment, true);
    }

    /** SHA-256 of the request's canonical form: what was asked for, independent of JSON formatting. */
    static String fingerprint(Command command) {
        String canonical = String.join(
                "\u001f",
                command.customerCode().value(),
                String.valueOf(command.customerName()),
                command.expectedAmount() == null
                        ? "-"
                        : command.expectedAmount().amountText(),
                command.expectedAmount() == null
                        ? "-"
                        : command.expectedAmount().currency(),
                String.valueOf(command.reference()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A creation request.
     *
     * @param orgId the caller's organisation
     * @param customerCode the customer's code
     * @param customerName the customer's name, if given
     * @param expectedAmount the amount expected, if given
     * @param reference the ERP's reference, if given
     * @param idempotencyKey the client's {@code Idempotency-Key}, or null
     */
    public record Command(
            String orgId,
            CustomerCode customerCode,
            @Nullable String customerName,
            @Nullable Money expectedAmount,
            @Nullable String reference,
            @Nullable String idempotencyKey) {

        public Command {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(customerCode, "customerCode");
        }
    }

    /**
     * The expected payment created (or created earlier, for a replay).
     *
     * @param payment the expected payment
     * @param replayed whether this answers a retried request
     */
    public record Created(ExpectedPayment payment, boolean replayed) {}
}
