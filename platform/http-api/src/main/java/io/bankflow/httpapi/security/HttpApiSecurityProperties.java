package io.bankflow.httpapi.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-specific additions to the paths that need no access token.
 *
 * <p>Always public, whatever is configured here: {@code /actuator/health/**}, {@code /actuator/info}, {@code
 * /actuator/prometheus}, {@code /v3/api-docs/**}, {@code /swagger-ui/**}, {@code /swagger-ui.html}, {@code /error},
 * {@code /webhooks/**} (each webhook is verified by its signature) and {@code /oauth/callback} (verified by its
 * state). Everything else needs a valid bearer JWT with an organisation.
 *
 * @param publicPaths further Spring path patterns open without a token ({@code bankflow.http.security.public-paths}),
 *     e.g. {@code /sandbox/**}; each must start with {@code /}. Empty by default.
 */
@ConfigurationProperties("bankflow.http.security")
public record HttpApiSecurityProperties(List<String> publicPaths) {

    public HttpApiSecurityProperties {
        // Absent from the configuration: bound as null.
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        for (String path : publicPaths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException(
                        "bankflow.http.security.public-paths entries must start with '/': " + path);
            }
        }
    }
}
