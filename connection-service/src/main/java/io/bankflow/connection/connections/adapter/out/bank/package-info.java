/** Bank connections and the OAuth2/PSD2 consent flow: adapter.out.bank. */
@NullMarked
package io.bankflow.connection.connections.adapter.out.bank;

import org.jspecify.annotations.NullMarked;
