package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import io.bankflow.sync.statements.application.port.out.AccountInformationProvider;
import io.bankflow.sync.statements.application.port.out.FetchedTransactions;
import io.bankflow.sync.statements.application.port.out.ProviderAccess;
import io.bankflow.sync.statements.application.port.out.ProviderFailure;
import io.bankflow.sync.statements.application.port.out.ProviderFailure.Kind;
import io.bankflow.sync.statements.domain.AccountBalance;
import io.bankflow.sync.statements.domain.ProviderAccount;
import io.bankflow.sync.statements.domain.StatementLine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Berlin Group NextGenPSD2 AIS over HTTP: {@code GET /v1/accounts}, {@code /v1/accounts/{id}/balances} and every page
 * of {@code /v1/accounts/{id}/transactions?bookingStatus=both}, following {@code _links.next} (relative or absolute).
 * Each request carries a fresh {@code X-Request-ID}, the {@code Consent-ID} and the bearer token, and {@code
 * PSU-IP-Address} only when a person asked for the read and is present (the bank then does not count it against the
 * consent's unattended reads per day, PSD2 RTS art. 36(5)).
 *
 * <p>Failures become {@link ProviderFailure}s by the {@code tppMessages} code first, then the HTTP status. Retries are
 * deliberately simple (see {@link BerlinGroupProperties}): at most one per request.
 */
public final class BerlinGroupClient implements AccountInformationProvider {

    private static final Logger log = LoggerFactory.getLogger(BerlinGroupClient.class);

    /** Floats as BigDecimal: amounts sent as JSON numbers stay exact. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** How the client waits before a retry (tests pass one that does not sleep). */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = Thread::sleep;

        void pause(Duration duration) throws InterruptedException;
    }

    private final BerlinGroupProperties properties;
    private final Clock clock;
    private final Pause pause;
    private final HttpClient http;

    public BerlinGroupClient(BerlinGroupProperties properties, Clock clock, Pause pause) {
        this.properties = properties;
        this.clock = clock;
        this.pause = pause;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public List<ProviderAccount> accounts(ProviderAccess access) {
        JsonNode root = get(api("/v1/accounts"), access);
        return BerlinGroupTransactionMapper.accounts(root);
    }

    @Override
    public List<AccountBalance> balances(ProviderAccess access, String accountResourceId) {
        JsonNode root = get(api("/v1/accounts/" + encode(accountResourceId) + "/balances"), access);
        try {
            return BerlinGroupTransactionMapper.balances(root);
        } catch (IllegalArgumentException e) {
            throw new ProviderFailure(Kind.INVALID_RESPONSE, 200, null, "balances: " + e.getMessage());
        }
    }

    @Override
    public FetchedTransactions transactions(
            ProviderAccess access, String accountResourceId, LocalDate dateFrom, @Nullable LocalDate dateTo) {
        // withBalance: the balances come with the first page, so a sync is one read of the account, not two (PSD2
        // banks count each unattended read against the consent's frequencyPerDay).
        URI uri = api("/v1/accounts/" + encode(accountResourceId)
                + "/transactions?bookingStatus=both&withBalance=true&dateFrom=" + dateFrom
                + (dateTo == null ? "" : "&dateTo=" + dateTo));
        List<AccountBalance> balances = List.of();
        List<StatementLine> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        int pages = 0;
        while (uri != null) {
            if (!seen.add(uri) || pages >= properties.maxPages()) {
                throw new ProviderFailure(
                        Kind.INVALID_RESPONSE, 200, null, "transactions: _links.next loops or exceeds maxPages");
            }
            JsonNode root = get(uri, access);
            BerlinGroupTransactionMapper.Page page = BerlinGroupTransactionMapper.page(accountResourceId, root);
            if (pages == 0) {
                try {
                    balances = BerlinGroupTransactionMapper.balances(root);
                } catch (IllegalArgumentException e) {
                    throw new ProviderFailure(Kind.INVALID_RESPONSE, 200, null, "balances: " + e.getMessage());
                }
            }
            pages++;
            lines.addAll(page.lines());
            errors.addAll(page.errors());
            if (page.nextHref() == null
                    && page.downloadHref() != null
                    && page.lines().isEmpty()) {
                // A bank may answer a large report with a download link (camt/MT940 file): not read here yet.
                throw new ProviderFailure(
                        Kind.INVALID_RESPONSE, 200, null, "transactions: the bank offers only a download link");
            }
            uri = page.nextHref() == null ? null : resolve(uri, page.nextHref());
        }
        return new FetchedTransactions(lines, errors, pages, balances);
    }

    private URI api(String pathAndQuery) {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private static URI resolve(URI current, String href) {
        try {
            return current.resolve(href.strip());
        } catch (IllegalArgumentException e) {
            throw new ProviderFailure(Kind.INVALID_RESPONSE, 200, null, "transactions: _links.next is not a URI");
        }
    }

    /** One GET, retried at most once (rate limit with a short Retry-After, or a transient fault). */
    private JsonNode get(URI uri, ProviderAccess access) {
        try {
            return once(uri, access);
        } catch (ProviderFailure first) {
            Duration wait = retryWait(first);
            if (wait == null) {
                throw first;
            }
            log.info("Berlin Group call failed ({}), retrying once in {}", first.getMessage(), wait);
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            }
            return once(uri, access);
        }
    }

    private @Nullable Duration retryWait(ProviderFailure failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED ->
                failure.retryAfter()
                        .filter(after -> after.compareTo(properties.maxRetryAfterWait()) <= 0)
                        .orElse(null);
            case TRANSIENT -> properties.transientRetryBackoff();
            default -> null;
        };
    }

    private JsonNode once(URI uri, ProviderAccess access) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("Consent-ID", access.consentId())
                .header("Authorization", "Bearer " + access.accessToken())
                .header("Accept", "application/json");
        if (access.psuIpAddress() != null) {
            builder.header("PSU-IP-Address", access.psuIpAddress());
        }
        HttpRequest request = builder.GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderFailure(
                    Kind.TRANSIENT, 0, null, "no answer: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(Kind.TRANSIENT, 0, null, "interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return json(response);
        }
        throw failure(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("none");
        if (body.isBlank()) {
            throw new ProviderFailure(Kind.INVALID_RESPONSE, 200, null, "empty answer");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (!root.isObject()) {
                throw new ProviderFailure(Kind.INVALID_RESPONSE, 200, null, "the answer is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            // Some banks answer the JSON endpoint with camt.052 XML or MT940 text.
            throw new ProviderFailure(
                    Kind.INVALID_RESPONSE, 200, null, "the answer is not JSON (Content-Type " + contentType + ")");
        }
    }

    private ProviderFailure failure(HttpResponse<String> response) {
        int status = response.statusCode();
        Set<String> codes = tppCodes(response.body());
        String what = "HTTP " + status + (codes.isEmpty() ? "" : " " + codes);
        Duration retryAfter = status == 429 || codes.contains("ACCESS_EXCEEDED")
                ? retryAfter(response.headers().firstValue("Retry-After").orElse(null))
                : null;
        Kind kind = kindOf(status, codes);
        return new ProviderFailure(kind, status, kind == Kind.RATE_LIMITED ? retryAfter : null, what);
    }

    static Kind kindOf(int status, Set<String> codes) {
        if (codes.contains("CONSENT_EXPIRED")) {
            return Kind.CONSENT_EXPIRED;
        }
        if (codes.contains("CONSENT_INVALID") || codes.contains("CONSENT_UNKNOWN")) {
            return Kind.CONSENT_INVALID;
        }
        if (codes.contains("TOKEN_EXPIRED")) {
            return Kind.TOKEN_EXPIRED;
        }
        if (codes.contains("TOKEN_INVALID")
                || codes.contains("TOKEN_UNKNOWN")
                || codes.contains("CERTIFICATE_INVALID")) {
            return Kind.TOKEN_INVALID;
        }
        if (status == 429 || codes.contains("ACCESS_EXCEEDED")) {
            return Kind.RATE_LIMITED;
        }
        if (status == 408 || status >= 500) {
            return Kind.TRANSIENT;
        }
        if (status == 401) {
            return Kind.TOKEN_INVALID;
        }
        return Kind.REJECTED;
    }

    private static Set<String> tppCodes(@Nullable String body) {
        Set<String> codes = new LinkedHashSet<>();
        if (body == null || body.isBlank()) {
            return codes;
        }
        try {
            for (JsonNode message : JSON.readTree(body).path("tppMessages")) {
                String code = BerlinGroupTransactionMapper.text(message, "code");
                if (code != null) {
                    codes.add(code);
                }
            }
        } catch (JacksonException e) {
            // Not JSON: the status alone classifies it.
        }
        return codes;
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    @Nullable
    Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
