/** Bank connections and the OAuth2/PSD2 consent flow: adapter.out.persistence. */
@NullMarked
package io.bankflow.connection.connections.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
