/** Providers' OAuth2 token endpoints over HTTP: code exchange and refresh, as Bankflow's client at each provider. */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.out.provider;

import org.jspecify.annotations.NullMarked;
