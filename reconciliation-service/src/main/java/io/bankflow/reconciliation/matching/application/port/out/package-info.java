/** What matching needs from the outside: stored matches, review items and the events it publishes. */
@NullMarked
package io.bankflow.reconciliation.matching.application.port.out;

import org.jspecify.annotations.NullMarked;
