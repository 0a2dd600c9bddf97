/** Bank connections and the OAuth2/PSD2 consent flow: adapter.in.web. */
@NullMarked
package io.bankflow.connection.connections.adapter.in.web;

import org.jspecify.annotations.NullMarked;
