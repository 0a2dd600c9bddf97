/** The audit trail: application.port.out. */
@NullMarked
package io.bankflow.connection.audit.application.port.out;

import org.jspecify.annotations.NullMarked;
