package io.bankflow.reconciliation.expectedpayments.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deactivates an expected payment: credits carrying its code are no longer matched to it, and the code is free for a
 * new expected payment. The row stays (matches refer to it). Deactivating twice is harmless.
 */
@Service
public class DeactivateExpectedPayment {

    private static final Logger log = LoggerFactory.getLogger(DeactivateExpectedPayment.class);

    private final ExpectedPayments payments;
    private final Clock clock;

    DeactivateExpectedPayment(ExpectedPayments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /** @throws NotFoundException when the organisation has no such expected payment */
    @Transactional
    public ExpectedPayment deactivate(String orgId, UUID id) {
        ExpectedPayment payment =
                payments.find(orgId, id).orElseThrow(() -> NotFoundException.of("Expected payment", id));
        if (!payment.active()) {
            return payment;
        }
        ExpectedPayment deactivated = payment.deactivate(clock.instant());
        payments.deactivate(deactivated);
        log.info("Deactivated expected payment {} ({}) in organisation {}", id, payment.customerCode(), orgId);
        return deactivated;
    }
}
