/** Signing secrets encrypted at rest with Google Tink AEAD. */
@NullMarked
package io.bankflow.webhookingest.endpoints.adapter.out.crypto;

import org.jspecify.annotations.NullMarked;
