package io.bankflow.devissuer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo organisations' clients.
 *
 * @param issuerUri the issuer identifier put into every token ({@code iss}); services trust exactly this value
 * @param tokenTtl how long an access token lives; short, because ERP back ends can always ask again
 * @param secretsDir where a client's secret is read from, or written to when it is generated; never logged
 * @param clients one client-credentials client per demo ERP back end
 */
@Validated
@ConfigurationProperties("bankflow.issuer")
public record DevIssuerProperties(
        @NotNull URI issuerUri,
        @NotNull Duration tokenTtl,
        @NotNull Path secretsDir,
        @NotEmpty List<@Valid DemoClient> clients) {

    /**
     * @param clientId the OAuth2 client id
     * @param orgId the organisation (tenant) every token of this client acts for
     * @param roles Bankflow roles granted to the client ({@code finance}, {@code admin})
     * @param secret the client secret; when empty it is read from, or generated into, {@code secretsDir}
     */
    public record DemoClient(
            @NotBlank String clientId, @NotBlank String orgId, List<String> roles, String secret) {
        public DemoClient {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
