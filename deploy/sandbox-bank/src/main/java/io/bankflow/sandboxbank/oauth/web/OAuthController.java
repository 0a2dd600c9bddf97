package io.bankflow.sandboxbank.oauth.web;

import io.bankflow.sandboxbank.PublicUrl;
import io.bankflow.sandboxbank.bank.application.Bank;
import io.bankflow.sandboxbank.bank.domain.Consent;
import io.bankflow.sandboxbank.bank.domain.ConsentStatus;
import io.bankflow.sandboxbank.oauth.domain.AuthorizationServer;
import io.bankflow.sandboxbank.oauth.domain.OAuthException;
import io.bankflow.sandboxbank.oauth.domain.Pkce;
import io.bankflow.sandboxbank.oauth.domain.RegisteredClient;
import io.bankflow.sandboxbank.oauth.domain.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The bank's OAuth2 authorization server for its customers: RFC 6749 authorization code grant with RFC 7636 PKCE
 * ({@code S256} required), refresh token rotation, RFC 7009 revocation and RFC 8414 metadata. The scope names the
 * consent the customer authorises: {@code AIS:<consentId>}; access tokens are bound to it.
 */
@RestController
class OAuthController {

    private static final String SCOPE_PREFIX = "AIS:";

    private final AuthorizationServer server;
    private final RegisteredClients clients;
    private final ConsentScreen consentScreen;
    private final Bank bank;
    private final Clock clock;
    private final PublicUrl publicUrl;

    OAuthController(
            AuthorizationServer server,
            RegisteredClients clients,
            ConsentScreen consentScreen,
            Bank bank,
            Clock clock,
            PublicUrl publicUrl) {
        this.server = server;
        this.clients = clients;
        this.consentScreen = consentScreen;
        this.bank = bank;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GetMapping(path = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> metadata(HttpServletRequest request) {
        String base = publicUrl.of(request);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", base);
        metadata.put("authorization_endpoint", base + "/oauth2/authorize");
        metadata.put("token_endpoint", base + "/oauth2/token");
        metadata.put("revocation_endpoint", base + "/oauth2/revoke");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put(
                "revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("service_documentation", base + "/sandbox");
        return metadata;
    }

    /**
     * The authorization endpoint. The customer's login and consent step happen here and approve automatically
     * (unless a control queued a refusal); the answer is the redirect back to the TPP. Errors about the client or
     * the redirect URI are shown to the user instead of redirecting (RFC 6749 section 4.1.2.1).
     */
    @GetMapping("/oauth2/authorize")
    ResponseEntity<?> authorize(
            @RequestParam(name = "response_type", required = false) @Nullable String responseType,
            @RequestParam(name = "client_id", required = false) @Nullable String clientId,
            @RequestParam(name = "redirect_uri", required = false) @Nullable String redirectUri,
            @RequestParam(name = "scope", required = false) @Nullable String scope,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "code_challenge", required = false) @Nullable String codeChallenge,
            @RequestParam(name = "code_challenge_method", required = false) @Nullable String codeChallengeMethod,
            HttpServletRequest request) {
        if (clientId == null || clientId.isBlank()) {
            return notRedirected("invalid_request", "client_id is missing");
        }
        Optional<RegisteredClient> client = clients.find(clientId);
        if (client.isEmpty()) {
            return notRedirected("invalid_client", "Unknown client_id");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            return notRedirected("invalid_request", "redirect_uri is missing");
        }
        if (!client.get().redirectUris().allows(redirectUri)) {
            return notRedirected("invalid_request", "redirect_uri is not registered for this client");
        }
        String issuer = publicUrl.of(request);
        if (!"code".equals(responseType)) {
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of(
                            "error",
                            "unsupported_response_type",
                            "error_description",
                            "Only response_type=code is supported"));
        }
        if (codeChallenge == null || codeChallenge.isBlank()) {
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of(
                            "error",
                            "invalid_request",
                            "error_description",
                            "PKCE is required: code_challenge is missing"));
        }
        if (!"S256".equals(codeChallengeMethod)) {
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of(
                            "error", "invalid_request",
                            "error_description",
                                    "Transform algorithm not supported: code_challenge_method must be S256"));
        }
        if (!Pkce.isWellFormedChallenge(codeChallenge)) {
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of(
                            "error",
                            "invalid_request",
                            "error_description",
                            "code_challenge is not a base64url SHA-256"));
        }
        Optional<Consent> consent = scope != null && scope.startsWith(SCOPE_PREFIX)
                ? bank.consent(scope.substring(SCOPE_PREFIX.length()))
                : Optional.empty();
        if (consent.isEmpty()) {
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of(
                            "error",
                            "invalid_scope",
                            "error_description",
                            "scope must be AIS:<consentId> of a consent"));
        }
        ConsentStatus status = consent.get().status();
        boolean authorisable = status == ConsentStatus.RECEIVED
                || (status == ConsentStatus.VALID
                        && clientId.equals(consent.get().tppClientId()));
        if (!authorisable) {
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of(
                            "error",
                            "invalid_scope",
                            "error_description",
                            "The consent cannot be authorised (status " + status.json() + ")"));
        }
        String consentId = consent.get().consentId();
        if (!consentScreen.customerApproves()) {
            bank.end(consentId, ConsentStatus.REJECTED);
            return redirect(
                    redirectUri,
                    issuer,
                    state,
                    Map.of("error", "access_denied", "error_description", "The customer refused the consent"));
        }
        bank.authorise(consentId, clientId);
        String code = server.issueCode(clientId, redirectUri, consentId, codeChallenge, clock.instant());
        return redirect(redirectUri, issuer, state, Map.of("code", code));
    }

    /** The token endpoint: {@code authorization_code} and {@code refresh_token} grants. */
    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        RegisteredClient client = authenticate(form, authorization);
        String grantType = single(form, "grant_type");
        Tokens tokens;
        if ("authorization_code".equals(grantType)) {
            tokens = server.exchangeCode(
                    client.clientId(),
                    single(form, "code"),
                    single(form, "redirect_uri"),
                    single(form, "code_verifier"),
                    clock.instant());
        } else if ("refresh_token".equals(grantType)) {
            tokens = server.refresh(
                    client.clientId(),
                    single(form, "refresh_token"),
                    consentId -> bank.consent(consentId)
                            .map(consent -> consent.status() == ConsentStatus.VALID)
                            .orElse(false),
                    clock.instant());
        } else if (grantType == null) {
            throw OAuthException.invalidRequest("grant_type is missing");
        } else {
            throw new OAuthException(400, "unsupported_grant_type", "Supported: authorization_code, refresh_token");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.expiresIn().toSeconds());
        body.put("refresh_token", tokens.refreshToken());
        body.put("scope", tokens.scope());
        return noStore(ResponseEntity.ok()).body(body);
    }

    /** RFC 7009 revocation: 200 whether or not the token was known. */
    @PostMapping(path = "/oauth2/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> revoke(
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        RegisteredClient client = authenticate(form, authorization);
        String token = single(form, "token");
        if (token == null || token.isBlank()) {
            throw OAuthException.invalidRequest("token is missing");
        }
        server.revoke(client.clientId(), token);
        return noStore(ResponseEntity.ok()).build();
    }

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<Map<String, Object>> oauthError(OAuthException error, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("error_description", error.getMessage());
        ResponseEntity.BodyBuilder response = noStore(ResponseEntity.status(error.status()));
        if (error.status() == 401) {
            // RFC 6749 section 5.2: a 401 invalid_client names the scheme the client should use.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sandbox-bank\"");
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** client_secret_basic (RFC 6749 section 2.3.1, form-urlencoded id and secret) or client_secret_post; not both. */
    private RegisteredClient authenticate(MultiValueMap<String, String> form, @Nullable String authorization) {
        String postedId = single(form, "client_id");
        String postedSecret = single(form, "client_secret");
        String clientId;
        String secret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (postedSecret != null) {
                throw OAuthException.invalidRequest("Use one client authentication method, not two");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw OAuthException.invalidClient("Malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthException.invalidClient("Malformed Basic credentials");
            }
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (postedId != null && !postedId.equals(clientId)) {
                throw OAuthException.invalidRequest("client_id differs from the authenticated client");
            }
        } else if (postedId != null && postedSecret != null) {
            clientId = postedId;
            secret = postedSecret;
        } else {
            throw OAuthException.invalidClient(
                    "Client authentication is required (client_secret_basic or client_secret_post)");
        }
        return clients.find(clientId)
                .filter(client -> client.secretMatches(secret))
                .orElseThrow(() -> OAuthException.invalidClient("Unknown client or wrong secret"));
    }

    private static @Nullable String single(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            // RFC 6749 section 3.1: parameters must not be included more than once.
            throw OAuthException.invalidRequest(name + " is repeated");
        }
        return values.getFirst();
    }

    private static ResponseEntity<?> redirect(
            String redirectUri, String issuer, @Nullable String state, Map<String, String> params) {
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(redirectUri);
        params.forEach(location::queryParam);
        if (state != null) {
            location.queryParam("state", state);
        }
        location.queryParam("iss", issuer); // RFC 9207
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location.encode().build().toUriString())
                .cacheControl(CacheControl.noStore())
                .build();
    }

    private static ResponseEntity<?> notRedirected(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
        return builder.cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache");
    }
}
