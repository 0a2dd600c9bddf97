/** connection-service: Bank accounts, bank connections and their consents: the OAuth2/PSD2 consent flow and the connection lifecycle. */
@NullMarked
package io.bankflow.connection;

import org.jspecify.annotations.NullMarked;
