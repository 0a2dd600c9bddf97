package io.bankflow.tokenvault.tokens.adapter.in.scheduling;

import io.bankflow.tokenvault.tokens.application.RewrapDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts a rewrap round ({@link RewrapDataKeys#rewrapAll()}) every {@code bankflow.token-vault.rewrap.interval}, after
 * the previous one ended: after a key rotation, stored data keys move to the newest key version in the background.
 * Every instance may run rounds; a data key is only replaced if it is still the one that was read. Off with {@code
 * bankflow.token-vault.rewrap.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "bankflow.token-vault.rewrap.enabled", matchIfMissing = true)
class DataKeyRewrapScheduler {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRewrapScheduler.class);

    private final RewrapDataKeys rewrapDataKeys;

    DataKeyRewrapScheduler(RewrapDataKeys rewrapDataKeys) {
        this.rewrapDataKeys = rewrapDataKeys;
    }

    @Scheduled(
            initialDelayString = "${bankflow.token-vault.rewrap.interval}",
            fixedDelayString = "${bankflow.token-vault.rewrap.interval}")
    void rewrap() {
        try {
            rewrapDataKeys.rewrapAll();
        } catch (RuntimeException e) {
            // The KEK unreachable, say: the next round tries again. Messages carry no key material (ports).
            log.warn("Data key rewrap round failed; the next round tries again: {}", e.getMessage());
        }
    }
}
