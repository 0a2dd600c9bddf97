/** The vault's use cases: store tokens, hand out an access token, shred tokens. */
@NullMarked
package io.bankflow.tokenvault.tokens.application;

import org.jspecify.annotations.NullMarked;
