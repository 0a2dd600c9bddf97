package io.bankflow.tokenvault.tokens;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Moving stored data keys to the key-encryption key's newest version after a rotation ({@code
 * bankflow.token-vault.rewrap.*}, ADR 0010).
 *
 * @param enabled whether this instance runs rewrap rounds (every instance may: a data key is replaced only if nobody
 *     changed it meanwhile)
 * @param interval the pause between two rounds; a round goes through every data key not on the newest version
 * @param batchSize how many data keys are read, rewrapped (one KEK call) and written back (one transaction) at a time
 */
@Validated
@ConfigurationProperties("bankflow.token-vault.rewrap")
public record RewrapProperties(
        boolean enabled,
        @NotNull Duration interval,
        @Min(1) @Max(10_000) int batchSize) {}
