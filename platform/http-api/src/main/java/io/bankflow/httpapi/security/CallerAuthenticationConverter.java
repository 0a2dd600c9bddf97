package io.bankflow.httpapi.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into the request's authentication, rejecting tokens without an organisation (401 {@code
 * invalid_token}) before any controller runs. The roles become authorities {@code ROLE_FINANCE} and {@code
 * ROLE_ADMIN}, so that {@code hasRole("ADMIN")} works wherever Spring Security expressions are used.
 */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = CallerClaims.from(jwt);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, caller.clientId());
    }
}
