package io.bankflow.connection.audit.application;

import io.bankflow.connection.audit.application.port.out.AuditEntries;
import io.bankflow.connection.audit.domain.AuditEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends to the audit trail in the transaction of the change it records: both commit, or neither. */
@Service
public class RecordAuditEntry {

    private final AuditEntries entries;

    RecordAuditEntry(AuditEntries entries) {
        this.entries = entries;
    }

    /** @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        entries.add(entry);
    }
}
