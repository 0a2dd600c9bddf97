/** Bank connections and the OAuth2/PSD2 consent flow. */
@NullMarked
package io.bankflow.connection.connections;

import org.jspecify.annotations.NullMarked;
