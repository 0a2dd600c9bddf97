package io.bankflow.sandboxbank;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox bank's settings (prefix {@code sandbox-bank}); {@code application.yml} gives every one a default.
 *
 * @param publicUrl the bank's base URL as TPPs see it (OAuth issuer, {@code scaOAuth} link); empty: each request's
 * @param secretsDir where a client secret is read from, or generated into, when none is configured
 * @param seed what the seeded data is made from
 * @param oauth the authorization server
 * @param ais the Berlin Group AIS interface
 * @param webhooks notifications to the TPP
 * @param controls the test controls under {@code /sandbox}
 */
@Validated
@ConfigurationProperties("sandbox-bank")
public record SandboxBankProperties(
        @Nullable String publicUrl,
        @NotNull Path secretsDir,
        @NotNull @Valid Seed seed,
        @NotNull @Valid OAuth oauth,
        @NotNull @Valid Ais ais,
        @NotNull @Valid Webhooks webhooks,
        @NotNull @Valid Controls controls) {

    /**
     * @param value the random seed; the same seed and end date give the same accounts and transactions
     * @param endDate the last day of seeded traffic; empty: today (UTC) when the bank starts or is reset
     * @param days how many days of traffic to seed
     */
    public record Seed(
            long value, @Nullable LocalDate endDate, @Min(1) int days) {}

    /**
     * @param accessTokenTtl how long an access token is accepted
     * @param authorizationCodeTtl how long an authorization code can be exchanged (RFC 6749 recommends at most 10 min)
     * @param refreshTokenTtl how long a refresh token lives at most (it also ends with its consent)
     * @param clients the registered TPP clients
     * @param secretMarker when set, every code and token the bank issues starts with it (e.g. {@code PLANTED}), so a
     *     test can search logs, events, tables and answers for leaked secrets; empty (default): random only
     */
    public record OAuth(
            @NotNull Duration accessTokenTtl,
            @NotNull Duration authorizationCodeTtl,
            @NotNull Duration refreshTokenTtl,
            @NotEmpty List<@Valid Client> clients,
            @Nullable @Pattern(regexp = "[A-Za-z0-9]{0,32}") String secretMarker) {}

    /**
     * A registered TPP client.
     *
     * @param clientId the OAuth2 client id
     * @param secret its secret; empty: read from, or generated into, {@code secretsDir/secretFile}
     * @param secretFile the file name of the secret in {@code secretsDir}; empty: {@code sandbox-bank-<clientId>.secret}
     * @param redirectUris allowed redirect URIs, compared exactly; {@code *} as the port of a loopback URI accepts any
     *     port (RFC 8252 section 7.3)
     */
    public record Client(
            @NotBlank String clientId,
            @Nullable String secret,
            @Nullable String secretFile,
            @NotEmpty List<String> redirectUris) {}

    /**
     * @param pageSize transactions per page when the TPP does not ask for {@code itemsPerPage}
     * @param maxPageSize the most transactions per page a TPP can ask for
     * @param maxConsentDays how far ahead {@code validUntil} may be; later dates are adjusted to this (PSD2: 180 days)
     * @param enforceFrequencyPerDay whether reads without the PSU present count against the consent's
     *     {@code frequencyPerDay} (429 {@code ACCESS_EXCEEDED} beyond it)
     */
    public record Ais(
            @Min(1) int pageSize,
            @Min(1) int maxPageSize,
            @Min(1) int maxConsentDays,
            boolean enforceFrequencyPerDay) {}

    /**
     * @param url a webhook target configured at start; more can be added through {@code POST /sandbox/webhooks}
     * @param secret its Standard Webhooks secret ({@code whsec_} + base64)
     * @param maxAttempts deliveries tried per message before giving up
     * @param initialBackoff the wait before the first retry; doubled for each further one
     * @param timeout how long one delivery attempt may take
     */
    public record Webhooks(
            @Nullable String url,
            @Nullable String secret,
            @Min(1) int maxAttempts,
            @NotNull Duration initialBackoff,
            @NotNull Duration timeout) {}

    /** @param adminToken when set, callers other than loopback may use the controls by presenting it */
    public record Controls(@Nullable String adminToken) {}
}
