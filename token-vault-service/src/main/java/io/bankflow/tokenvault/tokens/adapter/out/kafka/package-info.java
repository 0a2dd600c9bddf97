/** Token events (TokenRevoked, TokenRefreshed, TokenExpired) through the transactional outbox. */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.out.kafka;

import org.jspecify.annotations.NullMarked;
