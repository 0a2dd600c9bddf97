package io.bankflow.reconciliation.expectedpayments.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One expected payment of the caller's organisation; another organisation's is not found. */
@Service
public class GetExpectedPayment {

    private final ExpectedPayments payments;

    GetExpectedPayment(ExpectedPayments payments) {
        this.payments = payments;
    }

    /** @throws NotFoundException when the organisation has no such expected payment */
    @Transactional(readOnly = true)
    public ExpectedPayment get(String orgId, UUID id) {
        return payments.find(orgId, id).orElseThrow(() -> NotFoundException.of("Expected payment", id));
    }
}
