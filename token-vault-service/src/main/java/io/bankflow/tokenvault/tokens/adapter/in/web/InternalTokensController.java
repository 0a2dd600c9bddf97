package io.bankflow.tokenvault.tokens.adapter.in.web;

import io.bankflow.httpapi.security.Caller;
import io.bankflow.tokenvault.tokens.application.ExchangeAuthorizationCode;
import io.bankflow.tokenvault.tokens.application.HandOutAccessToken;
import io.bankflow.tokenvault.tokens.application.ShredTokens;
import io.bankflow.tokenvault.tokens.application.StoreTokens;
import io.bankflow.tokenvault.tokens.domain.AccessGrant;
import io.bankflow.tokenvault.tokens.domain.AuthorizationCode;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenLifetimes;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal API (not routed by the gateway): connection-service has an authorization code exchanged for a
 * connection's tokens, stores and shreds them; sync-service obtains its access token. Who may call what is decided by
 * {@link ServiceCallerInterceptor} before a handler runs; the caller's own {@code org_id} is the platform's, so the
 * tenant of each operation comes in the request and is checked against the stored record (another organisation's
 * connection is a 404).
 */
@RestController
@Validated
@RequestMapping("/internal/connections/{connectionId}")
class InternalTokensController {

    private final StoreTokens storeTokens;
    private final HandOutAccessToken handOutAccessToken;
    private final ShredTokens shredTokens;
    private final ExchangeAuthorizationCode exchangeAuthorizationCode;

    InternalTokensController(
            StoreTokens storeTokens,
            HandOutAccessToken handOutAccessToken,
            ShredTokens shredTokens,
            ExchangeAuthorizationCode exchangeAuthorizationCode) {
        this.storeTokens = storeTokens;
        this.handOutAccessToken = handOutAccessToken;
        this.shredTokens = shredTokens;
        this.exchangeAuthorizationCode = exchangeAuthorizationCode;
    }

    @PostMapping("/authorization-code")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ServiceOperation(InternalOperation.EXCHANGE_AUTHORIZATION_CODE)
    void exchange(
            @PathVariable UUID connectionId, @Valid @RequestBody AuthorizationCodeRequest request, Caller caller) {
        exchangeAuthorizationCode.exchange(
                new TokenBinding(request.orgId(), connectionId),
                request.provider(),
                new AuthorizationCode(request.code(), request.codeVerifier(), request.redirectUri()),
                caller.clientId());
    }

    @PutMapping("/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ServiceOperation(InternalOperation.STORE_TOKENS)
    void store(@PathVariable UUID connectionId, @Valid @RequestBody StoreTokensRequest request, Caller caller) {
        String refreshToken = request.refreshToken();
        storeTokens.store(
                new StoreTokens.Command(
                        new TokenBinding(request.orgId(), connectionId),
                        request.provider(),
                        new TokenSecrets(
                                TokenValue.of(request.accessToken()),
                                refreshToken == null || refreshToken.isBlank() ? null : TokenValue.of(refreshToken)),
                        new TokenLifetimes(
                                request.accessTokenExpiresAt(), request.refreshTokenExpiresAt(), request.scope())),
                caller.clientId());
    }

    @PostMapping("/access-token")
    @ServiceOperation(InternalOperation.OBTAIN_ACCESS_TOKEN)
    ResponseEntity<AccessTokenResponse> accessToken(
            @PathVariable UUID connectionId, @Valid @RequestBody AccessTokenRequest request, Caller caller) {
        AccessGrant grant =
                handOutAccessToken.handOut(new TokenBinding(request.orgId(), connectionId), caller.clientId());
        // Like an OAuth2 token response (RFC 6749 section 5.1): no cache may keep it.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(new AccessTokenResponse(grant.accessToken().reveal(), grant.expiresAt()));
    }

    @DeleteMapping("/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ServiceOperation(InternalOperation.SHRED_TOKENS)
    void shred(@PathVariable UUID connectionId, @RequestParam @NotBlank @Size(max = 64) String orgId, Caller caller) {
        shredTokens.shred(new TokenBinding(orgId, connectionId), caller.clientId());
    }
}
