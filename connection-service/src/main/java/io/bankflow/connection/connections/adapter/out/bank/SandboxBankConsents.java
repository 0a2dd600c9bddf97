package io.bankflow.connection.connections.adapter.out.bank;

import io.bankflow.connection.accounts.domain.Iban;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BankConsents} for the sandbox bank: Berlin Group NextGenPSD2 {@code POST /v1/consents} (OAuth SCA approach),
 * then the bank's RFC 8414 metadata (the consent's {@code _links.scaOAuth}) for its authorization endpoint. Every call
 * carries a fresh {@code X-Request-ID}, logged with the outcome so a support case can be traced at the bank.
 */
@Component
class SandboxBankConsents implements BankConsents {

    static final String PROVIDER = "sandbox-bank";

    private static final Logger log = LoggerFactory.getLogger(SandboxBankConsents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxBankProperties properties;
    private final HttpClient http;

    SandboxBankConsents(SandboxBankProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public CreatedConsent createConsent(ConsentRequest request) {
        List<Map<String, String>> account = List.of(Map.of("iban", request.iban()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access", Map.of("balances", account, "transactions", account));
        body.put("recurringIndicator", true);
        body.put("validUntil", request.validUntil().toString());
        body.put("frequencyPerDay", request.frequencyPerDay());
        body.put("combinedServiceIndicator", false);
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(properties.url().resolve("/v1/consents"))
                        .timeout(properties.timeout())
                        .header("X-Request-ID", requestId)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                "create a consent",
                requestId);
        JsonNode consent = json(response, "create a consent", requestId);
        String consentId = consent.path("consentId").asString("");
        String metadataUrl =
                consent.path("_links").path("scaOAuth").path("href").asString("");
        if (consentId.isEmpty() || metadataUrl.isEmpty()) {
            throw new BankUnavailableException(
                    "The sandbox bank's consent answer lacks consentId or _links.scaOAuth (X-Request-ID " + requestId
                            + ")");
        }
        URI authorizationEndpoint = authorizationEndpoint(properties.url().resolve(metadataUrl));
        log.info("Sandbox bank created consent {} (X-Request-ID {})", consentId, requestId);
        return new CreatedConsent(consentId, authorizationEndpoint);
    }

    @Override
    public URI authorizationUrl(CreatedConsent consent, String state, String codeChallenge, URI redirectUri) {
        return UriComponentsBuilder.fromUri(consent.authorizationEndpoint())
                .queryParam("response_type", "code")
                .queryParam("client_id", "{clientId}")
                .queryParam("redirect_uri", "{redirectUri}")
                .queryParam("scope", "{scope}")
                .queryParam("state", "{state}")
                .queryParam("code_challenge", "{challenge}")
                .queryParam("code_challenge_method", "S256")
                .encode()
                .buildAndExpand(Map.of(
                        "clientId",
                        properties.clientId(),
                        "redirectUri",
                        redirectUri.toString(),
                        "scope",
                        "AIS:" + consent.consentId(),
                        "state",
                        state,
                        "challenge",
                        codeChallenge))
                .toUri();
    }

    @Override
    public ConsentDetails consent(String consentId) {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(consentUri(consentId))
                        .timeout(properties.timeout())
                        .header("X-Request-ID", requestId)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                "read a consent",
                requestId);
        JsonNode consent = json(response, "read a consent", requestId);
        try {
            return new ConsentDetails(
                    LocalDate.parse(consent.path("validUntil").asString("")),
                    consent.path("consentStatus").asString(""));
        } catch (DateTimeParseException e) {
            throw new BankUnavailableException(
                    "The sandbox bank's consent lacks a validUntil date (X-Request-ID " + requestId + ")", e);
        }
    }

    @Override
    public void revokeConsent(String consentId) {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(consentUri(consentId))
                        .timeout(properties.timeout())
                        .header("X-Request-ID", requestId)
                        .header("Accept", "application/json")
                        .DELETE()
                        .build(),
                "revoke a consent",
                requestId);
        int status = response.statusCode();
        if (status == 204 || status == 200) {
            log.info("Sandbox bank ended consent {} (X-Request-ID {})", consentId, requestId);
            return;
        }
        try {
            json(response, "revoke a consent", requestId);
        } catch (ConsentRefusedException refused) {
            if (refused.code().equals("CONSENT_UNKNOWN")) {
                // Nothing left to end at the bank: what a disconnect wants.
                log.info("Sandbox bank does not know consent {} any more (X-Request-ID {})", consentId, requestId);
                return;
            }
            throw new BankUnavailableException(
                    "The sandbox bank refused to end consent " + consentId + ": " + refused.code() + " (X-Request-ID "
                            + requestId + ")",
                    refused);
        }
        throw new BankUnavailableException(
                "The sandbox bank answered " + status + " to revoke a consent (X-Request-ID " + requestId + ")");
    }

    private URI consentUri(String consentId) {
        return UriComponentsBuilder.fromUri(properties.url())
                .path("/v1/consents/{consentId}")
                .buildAndExpand(consentId)
                .encode()
                .toUri();
    }

    private URI authorizationEndpoint(URI metadataUrl) {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(metadataUrl)
                        .timeout(properties.timeout())
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                "read the OAuth metadata",
                "-");
        String endpoint = json(response, "read the OAuth metadata", "-")
                .path("authorization_endpoint")
                .asString("");
        if (endpoint.isEmpty()) {
            throw new BankUnavailableException("The sandbox bank's OAuth metadata lacks authorization_endpoint");
        }
        return URI.create(endpoint);
    }

    private HttpResponse<String> send(HttpRequest request, String what, String requestId) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BankUnavailableException(
                    "Could not reach the sandbox bank to " + what + " (X-Request-ID " + requestId + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankUnavailableException("Interrupted while waiting for the sandbox bank to " + what, e);
        }
    }

    private static JsonNode json(HttpResponse<String> response, String what, String requestId) {
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new BankUnavailableException(
                    "The sandbox bank answered " + status + " to " + what + " (X-Request-ID " + requestId + ")");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (JacksonException e) {
            throw new BankUnavailableException(
                    "The sandbox bank answered " + status + " without JSON to " + what + " (X-Request-ID " + requestId
                            + ")",
                    e);
        }
        if (status >= 400) {
            // Berlin Group errors: {"tppMessages": [{"category": "ERROR", "code": "FORMAT_ERROR", "text": "..."}]}
            // The bank's text may name the account by its full IBAN (e.g. "the account NO93... is unknown"): masked
            // here, so neither the exception nor any log or answer made from it carries the number.
            JsonNode message = body.path("tppMessages").path(0);
            throw new ConsentRefusedException(
                    Iban.maskAllIn(message.path("code").asString("HTTP_" + status)),
                    Iban.maskAllIn(message.path("text").asString("")) + " (X-Request-ID " + requestId + ")");
        }
        return body;
    }
}
