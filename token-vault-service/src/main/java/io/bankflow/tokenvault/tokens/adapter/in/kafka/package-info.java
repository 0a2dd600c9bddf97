/** ConnectionRevoked events into shredded tokens. */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.in.kafka;

import org.jspecify.annotations.NullMarked;
