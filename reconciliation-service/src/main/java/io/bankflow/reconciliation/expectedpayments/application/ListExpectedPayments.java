package io.bankflow.reconciliation.expectedpayments.application;

import io.bankflow.reconciliation.expectedpayments.application.port.out.ExpectedPayments;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's expected payments, active and deactivated, newest first, a page at a time (keyset pagination). */
@Service
public class ListExpectedPayments {

    private final ExpectedPayments payments;

    ListExpectedPayments(ExpectedPayments payments) {
        this.payments = payments;
    }

    /**
     * @param after where the previous page ended, or null for the first page
     * @param limit the page size, at least 1
     */
    @Transactional(readOnly = true)
    public Page list(String orgId, ExpectedPayments.@Nullable Position after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        // One more than asked tells whether another page exists, without a count query.
        List<ExpectedPayment> found = payments.list(orgId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<ExpectedPayment> items = List.copyOf(found.subList(0, limit));
        ExpectedPayment last = items.getLast();
        return new Page(items, new ExpectedPayments.Position(last.createdAt(), last.id()));
    }

    /**
     * @param items this page
     * @param next where the next page starts, or null when this is the last
     */
    public record Page(List<ExpectedPayment> items, ExpectedPayments.@Nullable Position next) {}
}
