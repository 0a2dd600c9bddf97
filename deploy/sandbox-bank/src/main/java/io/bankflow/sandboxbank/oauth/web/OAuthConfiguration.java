package io.bankflow.sandboxbank.oauth.web;

import io.bankflow.sandboxbank.SandboxBankProperties;
import io.bankflow.sandboxbank.bank.application.Bank;
import io.bankflow.sandboxbank.oauth.domain.AuthorizationServer;
import io.bankflow.sandboxbank.oauth.domain.RedirectUris;
import io.bankflow.sandboxbank.oauth.domain.RegisteredClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OAuthConfiguration {

    @Bean
    AuthorizationServer authorizationServer(SandboxBankProperties properties, Bank bank) {
        SandboxBankProperties.OAuth oauth = properties.oauth();
        AuthorizationServer server = new AuthorizationServer(
                oauth.authorizationCodeTtl(),
                oauth.accessTokenTtl(),
                oauth.refreshTokenTtl(),
                oauth.secretMarker() == null ? "" : oauth.secretMarker());
        bank.onReset(reset -> server.clear());
        return server;
    }

    @Bean
    RegisteredClients registeredClients(SandboxBankProperties properties) {
        ClientSecrets secrets = new ClientSecrets(properties.secretsDir());
        Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        for (SandboxBankProperties.Client client : properties.oauth().clients()) {
            clients.put(
                    client.clientId(),
                    new RegisteredClient(
                            client.clientId(),
                            secrets.secretFor(client.clientId(), client.secret(), client.secretFile()),
                            new RedirectUris(client.redirectUris())));
        }
        return new RegisteredClients(clients);
    }
}
