/** The review-queue and matches APIs: {@code /api/banking/review-queue}, {@code /api/banking/reconciliation/matches}. */
@NullMarked
package io.bankflow.reconciliation.matching.adapter.in.web;

import org.jspecify.annotations.NullMarked;
