/** The vault's use cases: store tokens, exchange an authorization code, refresh tokens, hand out an access token, shred
 * tokens. */
@NullMarked
package io.bankflow.tokenvault.tokens.application;

import org.jspecify.annotations.NullMarked;
