package io.bankflow.reconciliation.expectedpayments.application.port.out;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import io.bankflow.reconciliation.expectedpayments.domain.ExpectedPayment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The stored expected payments. Every query is scoped by the organisation. */
public interface ExpectedPayments {

    /**
     * Stores a new, active expected payment unless the organisation already has an active one with the same customer
     * code (checked atomically by the store, so two concurrent creations cannot both win).
     *
     * @return whether it was stored
     */
    boolean addIfCodeFree(ExpectedPayment payment);

    /** Stores the deactivation of an expected payment. */
    void deactivate(ExpectedPayment payment);

    /** An expected payment of the organisation; empty when it does not exist or belongs to another organisation. */
    Optional<ExpectedPayment> find(String orgId, UUID id);

    /** The organisation's active expected payment with this code, if any. */
    Optional<ExpectedPayment> findActive(String orgId, CustomerCode code);

    /**
     * Which of the codes belong to an active expected payment of the organisation, and to which.
     *
     * @return the active expected payment's id by code; codes without one are absent
     */
    Map<CustomerCode, UUID> activeByCode(String orgId, Set<CustomerCode> codes);

    /**
     * A page of the organisation's expected payments, newest first (creation time, then id, both descending).
     *
     * @param after the position of the last item of the previous page, or null for the first page
     * @param limit how many at most
     */
    List<ExpectedPayment> list(String orgId, @Nullable Position after, int limit);

    /**
     * A position in the newest-first order.
     *
     * @param createdAt creation time (microseconds)
     * @param id breaks ties
     */
    record Position(Instant createdAt, UUID id) {}
}
