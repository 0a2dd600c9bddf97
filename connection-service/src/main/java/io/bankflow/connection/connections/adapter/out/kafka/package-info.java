/** Bank connections and the OAuth2/PSD2 consent flow: adapter.out.kafka. */
@NullMarked
package io.bankflow.connection.connections.adapter.out.kafka;

import org.jspecify.annotations.NullMarked;
