package io.bankflow.sandboxbank.oauth.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Authorization codes, access and refresh tokens, in memory. Tokens are opaque random strings (256 bits). Every code
 * starts a grant; all tokens issued from it (and from its refresh tokens) belong to that grant, so that a replayed
 * code (RFC 6749 section 4.1.2) or a replayed, already rotated refresh token (OAuth 2.0 Security BCP section 4.14.2)
 * revokes everything the grant produced. Thread-safe (one lock).
 */
public final class AuthorizationServer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration codeTtl;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;
    private final String marker;

    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Access> accessTokens = new HashMap<>();
    private final Map<String, Refresh> refreshTokens = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();

    private record Code(
            String clientId,
            String redirectUri,
            String consentId,
            String challenge,
            Instant expiresAt,
            String grantId) {}

    private record Access(String grantId, String consentId, String clientId, Instant expiresAt) {}

    private record Refresh(String grantId, String consentId, String clientId, Instant expiresAt, boolean rotated) {}

    private static final class Grant {
        boolean codeUsed;
        boolean revoked;
        final Set<String> accessTokens = new HashSet<>();
        final Set<String> refreshTokens = new HashSet<>();
    }

    public AuthorizationServer(Duration codeTtl, Duration accessTokenTtl, Duration refreshTokenTtl) {
        this(codeTtl, accessTokenTtl, refreshTokenTtl, "");
    }

    /**
     * @param marker prefix of every code and token issued (a recognisable value for leak searches); empty for none
     */
    public AuthorizationServer(Duration codeTtl, Duration accessTokenTtl, Duration refreshTokenTtl, String marker) {
        this.codeTtl = codeTtl;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
        this.marker = marker;
    }

    /** A code for an approved authorization request; single use, valid for the code TTL. */
    public synchronized String issueCode(
            String clientId, String redirectUri, String consentId, String challenge, Instant now) {
        String code = marked("code");
        String grantId = randomToken();
        grants.put(grantId, new Grant());
        codes.put(code, new Code(clientId, redirectUri, consentId, challenge, now.plus(codeTtl), grantId));
        return code;
    }

    /** The {@code authorization_code} grant (RFC 6749 section 4.1.3 with RFC 7636 section 4.6). */
    public synchronized Tokens exchangeCode(
            String clientId,
            @Nullable String code,
            @Nullable String redirectUri,
            @Nullable String verifier,
            Instant now) {
        if (code == null || code.isBlank()) {
            throw OAuthException.invalidRequest("code is missing");
        }
        Code issued = codes.get(code);
        if (issued == null) {
            throw OAuthException.invalidGrant("The authorization code is unknown");
        }
        Grant grant = grants.get(issued.grantId());
        if (grant.codeUsed) {
            // RFC 6749 section 4.1.2: a code used twice is denied, and the tokens issued from it are revoked.
            revokeGrant(issued.grantId());
            throw OAuthException.invalidGrant("The authorization code was already used; its tokens are revoked");
        }
        if (!issued.clientId().equals(clientId)) {
            throw OAuthException.invalidGrant("The authorization code was issued to another client");
        }
        if (!now.isBefore(issued.expiresAt())) {
            codes.remove(code);
            throw OAuthException.invalidGrant("The authorization code has expired");
        }
        if (redirectUri == null || !redirectUri.equals(issued.redirectUri())) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (verifier == null || !Pkce.matches(verifier, issued.challenge())) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge");
        }
        grant.codeUsed = true;
        return issue(issued.grantId(), issued.consentId(), clientId, now);
    }

    /**
     * The {@code refresh_token} grant: a new access token and a new refresh token; the old refresh token stops
     * working. Presenting a rotated one again revokes the grant.
     */
    public synchronized Tokens refresh(
            String clientId, @Nullable String refreshToken, Predicate<String> consentUsable, Instant now) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw OAuthException.invalidRequest("refresh_token is missing");
        }
        Refresh refresh = refreshTokens.get(refreshToken);
        if (refresh == null) {
            throw OAuthException.invalidGrant("The refresh token is unknown or revoked");
        }
        if (!refresh.clientId().equals(clientId)) {
            throw OAuthException.invalidGrant("The refresh token was issued to another client");
        }
        if (refresh.rotated()) {
            revokeGrant(refresh.grantId());
            throw OAuthException.invalidGrant("The refresh token was already used; the grant is revoked");
        }
        if (grants.get(refresh.grantId()).revoked || !now.isBefore(refresh.expiresAt())) {
            throw OAuthException.invalidGrant("The refresh token has expired or was revoked");
        }
        if (!consentUsable.test(refresh.consentId())) {
            throw OAuthException.invalidGrant("The consent behind this refresh token is no longer valid");
        }
        refreshTokens.put(
                refreshToken, new Refresh(refresh.grantId(), refresh.consentId(), clientId, refresh.expiresAt(), true));
        return issue(refresh.grantId(), refresh.consentId(), clientId, now);
    }

    /**
     * RFC 7009: revokes an access or refresh token of this client. Revoking a refresh token revokes the whole grant
     * (its access tokens too, section 2.1). Unknown tokens, and other clients' tokens, are ignored (the answer is the
     * same, so it tells nothing about them).
     */
    public synchronized void revoke(String clientId, @Nullable String token) {
        if (token == null) {
            return;
        }
        Refresh refresh = refreshTokens.get(token);
        if (refresh != null && refresh.clientId().equals(clientId)) {
            revokeGrant(refresh.grantId());
            return;
        }
        Access access = accessTokens.get(token);
        if (access != null && access.clientId().equals(clientId)) {
            accessTokens.remove(token);
        }
    }

    /** An access token that is currently accepted. */
    public synchronized Optional<Tokens.AccessGrant> accessGrant(String accessToken, Instant now) {
        Access access = accessTokens.get(accessToken);
        if (access == null || grants.get(access.grantId()).revoked) {
            return Optional.empty();
        }
        return Optional.of(new Tokens.AccessGrant(access.consentId(), access.clientId(), access.expiresAt()));
    }

    /** A test control: every access token (of one consent, or all) expires now. */
    public synchronized int expireAccessTokens(@Nullable String consentId, Instant now) {
        int count = 0;
        for (Map.Entry<String, Access> entry : accessTokens.entrySet()) {
            Access access = entry.getValue();
            if ((consentId == null || access.consentId().equals(consentId))
                    && access.expiresAt().isAfter(now)) {
                entry.setValue(new Access(access.grantId(), access.consentId(), access.clientId(), now));
                count++;
            }
        }
        return count;
    }

    /** Revokes every grant (of one consent, or all): their access and refresh tokens stop working. */
    public synchronized int revokeAll(@Nullable String consentId) {
        Set<String> affected = new HashSet<>();
        accessTokens.values().stream()
                .filter(access -> consentId == null || access.consentId().equals(consentId))
                .forEach(access -> affected.add(access.grantId()));
        refreshTokens.values().stream()
                .filter(refresh -> consentId == null || refresh.consentId().equals(consentId))
                .forEach(refresh -> affected.add(refresh.grantId()));
        affected.forEach(this::revokeGrant);
        return affected.size();
    }

    /** Forgets everything (the bank was reset to its seed). */
    public synchronized void clear() {
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        grants.clear();
    }

    private Tokens issue(String grantId, String consentId, String clientId, Instant now) {
        Grant grant = grants.get(grantId);
        String access = marked("at");
        String refresh = marked("rt");
        accessTokens.put(access, new Access(grantId, consentId, clientId, now.plus(accessTokenTtl)));
        refreshTokens.put(refresh, new Refresh(grantId, consentId, clientId, now.plus(refreshTokenTtl), false));
        grant.accessTokens.add(access);
        grant.refreshTokens.add(refresh);
        return new Tokens(access, accessTokenTtl, refresh, "AIS:" + consentId);
    }

    private void revokeGrant(String grantId) {
        Grant grant = grants.get(grantId);
        if (grant == null) {
            return;
        }
        grant.revoked = true;
        for (Iterator<String> it = grant.accessTokens.iterator(); it.hasNext(); ) {
            accessTokens.remove(it.next());
        }
        for (String refresh : grant.refreshTokens) {
            refreshTokens.remove(refresh);
        }
    }

    private String marked(String kind) {
        return marker.isEmpty() ? randomToken() : marker + "-" + kind + "-" + randomToken();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
