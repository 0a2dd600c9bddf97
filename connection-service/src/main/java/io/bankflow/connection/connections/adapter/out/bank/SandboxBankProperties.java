package io.bankflow.connection.connections.adapter.out.bank;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox bank adapter ({@code bankflow.connections.sandbox-bank.*}).
 *
 * @param url the bank's base URL (Berlin Group API under {@code /v1}, OAuth metadata under {@code /.well-known})
 * @param clientId our OAuth client at the bank (its secret is token-vault-service's business, not ours)
 * @param timeout the longest wait for one answer of the bank
 */
@ConfigurationProperties("bankflow.connections.sandbox-bank")
public record SandboxBankProperties(
        @DefaultValue("http://127.0.0.1:18670") URI url,
        @DefaultValue("bankflow-local") String clientId,
        @DefaultValue("10s") Duration timeout) {}
