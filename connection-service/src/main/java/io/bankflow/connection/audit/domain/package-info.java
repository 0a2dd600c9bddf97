/** The audit trail: domain. */
@NullMarked
package io.bankflow.connection.audit.domain;

import org.jspecify.annotations.NullMarked;
