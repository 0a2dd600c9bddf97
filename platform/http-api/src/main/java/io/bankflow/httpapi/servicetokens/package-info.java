/** Service-to-service authentication: a service's own OAuth2 client-credentials token for internal calls (ADR 0009). */
@NullMarked
package io.bankflow.httpapi.servicetokens;

import org.jspecify.annotations.NullMarked;
