/** The audit trail: application. */
@NullMarked
package io.bankflow.connection.audit.application;

import org.jspecify.annotations.NullMarked;
