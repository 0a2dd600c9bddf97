/** The audit trail: adapter.in.web. */
@NullMarked
package io.bankflow.connection.audit.adapter.in.web;

import org.jspecify.annotations.NullMarked;
