/** Bank connections and the OAuth2/PSD2 consent flow: application. */
@NullMarked
package io.bankflow.connection.connections.application;

import org.jspecify.annotations.NullMarked;
