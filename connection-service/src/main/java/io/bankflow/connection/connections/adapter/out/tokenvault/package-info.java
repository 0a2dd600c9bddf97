/** Bank connections and the OAuth2/PSD2 consent flow: adapter.out.tokenvault. */
@NullMarked
package io.bankflow.connection.connections.adapter.out.tokenvault;

import org.jspecify.annotations.NullMarked;
