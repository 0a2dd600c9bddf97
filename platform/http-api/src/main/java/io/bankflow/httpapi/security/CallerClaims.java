package io.bankflow.httpapi.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Reads a {@link Caller} from the claims of a validated access token (ADR 0002). */
final class CallerClaims {

    /** The organisation (tenant). */
    static final String ORG_ID = "org_id";

    /** The Bankflow roles, see {@link Role}. */
    static final String ROLES = "roles";

    /** The OAuth2 client (RFC 9068); {@code sub} when absent. */
    static final String CLIENT_ID = "client_id";

    private CallerClaims() {}

    /**
     * @param jwt a token whose signature, issuer and lifetime were already checked
     * @return the caller it stands for
     * @throws InvalidBearerTokenException (401 {@code invalid_token}) when the token names no organisation or no client
     */
    static Caller from(Jwt jwt) {
        String orgId = text(jwt.getClaims().get(ORG_ID));
        if (orgId == null) {
            // The description goes into the WWW-Authenticate header: it names the claim, never the token.
            throw new InvalidBearerTokenException("The access token carries no organisation (org_id claim).");
        }
        String clientId = text(jwt.getClaims().get(CLIENT_ID));
        if (clientId == null) {
            clientId = text(jwt.getSubject());
        }
        if (clientId == null) {
            throw new InvalidBearerTokenException("The access token names no client (client_id or sub claim).");
        }
        Set<Role> roles = Role.fromClaim(jwt.getClaims().get(ROLES));
        return new Caller(orgId, clientId, roles);
    }

    private static @Nullable String text(@Nullable Object claim) {
        return claim instanceof String value && !value.isBlank() ? value : null;
    }
}
