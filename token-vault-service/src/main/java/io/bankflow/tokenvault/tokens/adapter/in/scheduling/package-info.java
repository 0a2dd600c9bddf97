/** Scheduled triggers: the token refresh rounds. */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
