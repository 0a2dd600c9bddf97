/** Matching statement lines, the review queue and the matches, one use case per class. */
@NullMarked
package io.bankflow.reconciliation.matching.application;

import org.jspecify.annotations.NullMarked;
