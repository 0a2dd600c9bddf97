/** Bank connections and the OAuth2/PSD2 consent flow: domain. */
@NullMarked
package io.bankflow.connection.connections.domain;

import org.jspecify.annotations.NullMarked;
