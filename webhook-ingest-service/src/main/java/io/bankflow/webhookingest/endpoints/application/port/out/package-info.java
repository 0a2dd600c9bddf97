/** What the endpoint use cases need from the outside: storage, secret sealing, idempotency records. */
@NullMarked
package io.bankflow.webhookingest.endpoints.application.port.out;

import org.jspecify.annotations.NullMarked;
