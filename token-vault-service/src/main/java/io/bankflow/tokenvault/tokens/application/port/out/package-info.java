/** What the use cases need from the outside: records, audit, sealing and the key-encryption key. */
@NullMarked
package io.bankflow.tokenvault.tokens.application.port.out;

import org.jspecify.annotations.NullMarked;
