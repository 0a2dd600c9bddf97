package io.bankflow.tokenvault.tokens.adapter.in.scheduling;

import io.bankflow.tokenvault.tokens.application.RefreshTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a refresh round ({@link RefreshTokens#refreshDue()}) every {@code bankflow.token-vault.refresh.interval}, after
 * the previous one ended. Every instance runs rounds; the row locks in {@link RefreshTokens} keep them from refreshing
 * the same record twice. Off with {@code bankflow.token-vault.refresh.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "bankflow.token-vault.refresh.enabled", matchIfMissing = true)
class TokenRefreshScheduler {

    private final RefreshTokens refreshTokens;

    TokenRefreshScheduler(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @Scheduled(
            initialDelayString = "${bankflow.token-vault.refresh.interval}",
            fixedDelayString = "${bankflow.token-vault.refresh.interval}")
    void refreshDue() {
        refreshTokens.refreshDue();
    }
}
