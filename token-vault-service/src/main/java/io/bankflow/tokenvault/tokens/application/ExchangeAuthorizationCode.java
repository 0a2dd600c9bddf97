package io.bankflow.tokenvault.tokens.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.ProviderRefusedException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.ProviderUnavailableException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.UnknownProviderException;
import io.bankflow.tokenvault.tokens.application.port.out.TokenRecords;
import io.bankflow.tokenvault.tokens.domain.AuthorizationCode;
import io.bankflow.tokenvault.tokens.domain.ProviderTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenOperation;
import io.bankflow.tokenvault.tokens.domain.TokenRecord;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Exchanges the authorization code of a consent (flow 1: connection-service's callback) at the provider's token
 * endpoint and stores the tokens it gives, so that they never pass through connection-service. The provider call runs
 * outside any database transaction; storing is {@link StoreTokens}' transaction.
 */
@Service
public class ExchangeAuthorizationCode {

    private static final Logger log = LoggerFactory.getLogger(ExchangeAuthorizationCode.class);

    private final TokenRecords records;
    private final ProviderTokenEndpoint tokenEndpoint;
    private final StoreTokens storeTokens;
    private final Clock clock;

    ExchangeAuthorizationCode(
            TokenRecords records, ProviderTokenEndpoint tokenEndpoint, StoreTokens storeTokens, Clock clock) {
        this.records = records;
        this.tokenEndpoint = tokenEndpoint;
        this.storeTokens = storeTokens;
        this.clock = clock;
    }

    /**
     * @param binding the organisation and connection
     * @param provider the provider id
     * @param code the code, its PKCE verifier and redirect URI
     * @param actor the service client that asks, for the audit
     * @throws NotFoundException when the connection's tokens belong to another organisation (404), checked before the
     *     code is spent
     * @throws io.bankflow.httpapi.ApiException 422 {@value ProviderProblems#AUTHORIZATION_CODE_REJECTED} on {@code
     *     invalid_grant}, 422 {@value ProviderProblems#UNKNOWN_PROVIDER}, 502 {@value
     *     ProviderProblems#PROVIDER_UNAVAILABLE} or {@value ProviderProblems#PROVIDER_REFUSED}
     */
    public void exchange(TokenBinding binding, String provider, AuthorizationCode code, String actor) {
        Optional<TokenRecord> existing = records.findByConnection(binding.connectionId());
        if (existing.isPresent() && !existing.get().binding().orgId().equals(binding.orgId())) {
            throw NotFoundException.of("Connection", binding.connectionId());
        }
        ProviderTokens tokens;
        try {
            tokens = tokenEndpoint.exchange(provider, code);
        } catch (UnknownProviderException e) {
            throw ProviderProblems.unknownProvider(provider);
        } catch (ProviderRefusedException e) {
            if (e.invalidGrant()) {
                log.info(
                        "Provider {} rejected the authorization code of connection {} (invalid_grant)",
                        provider,
                        binding.connectionId());
                throw ProviderProblems.authorizationCodeRejected(provider);
            }
            throw ProviderProblems.refused(provider, e.errorCode(), e);
        } catch (ProviderUnavailableException e) {
            throw ProviderProblems.unavailable(provider, e);
        }
        Instant now = clock.instant();
        storeTokens.store(
                new StoreTokens.Command(
                        binding,
                        provider,
                        new TokenSecrets(tokens.accessToken(), tokens.refreshToken()),
                        tokens.lifetimes(now, null)),
                actor,
                TokenOperation.AUTHORIZATION_CODE_EXCHANGED);
    }
}
