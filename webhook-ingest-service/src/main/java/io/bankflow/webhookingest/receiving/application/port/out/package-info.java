/** What receiving webhooks needs from the outside: storage, publishing, JSON parsing. */
@NullMarked
package io.bankflow.webhookingest.receiving.application.port.out;

import org.jspecify.annotations.NullMarked;
