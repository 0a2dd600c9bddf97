/** Bank connections and the OAuth2/PSD2 consent flow: application.port.out. */
@NullMarked
package io.bankflow.connection.connections.application.port.out;

import org.jspecify.annotations.NullMarked;
