/** Envelope encryption with Google Tink: a data key per record, wrapped by the key-encryption key. */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.out.crypto;

import org.jspecify.annotations.NullMarked;
