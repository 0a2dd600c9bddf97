/** DepositMatched and DepositUnmatched out, through the transactional outbox. */
@NullMarked
package io.bankflow.reconciliation.matching.adapter.out.kafka;

import org.jspecify.annotations.NullMarked;
