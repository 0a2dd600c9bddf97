/** The matching rules: customer codes in payment texts, one decision per statement line. Plain Java. */
@NullMarked
package io.bankflow.reconciliation.matching.domain;

import org.jspecify.annotations.NullMarked;
