package io.bankflow.sandboxbank.oauth.web;

import io.bankflow.sandboxbank.oauth.domain.RegisteredClient;
import java.util.Map;
import java.util.Optional;

/** The TPP clients from configuration. */
record RegisteredClients(Map<String, RegisteredClient> byId) {

    Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }
}
