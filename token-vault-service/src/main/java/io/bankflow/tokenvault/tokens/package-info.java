/** Provider tokens, encrypted at rest, and the internal API that stores them and hands out access tokens. */
@NullMarked
package io.bankflow.tokenvault.tokens;

import org.jspecify.annotations.NullMarked;
