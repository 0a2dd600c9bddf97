package io.bankflow.connection.schedules;

import io.bankflow.connection.schedules.domain.UnattendedAccessQuota;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sync schedules ({@code bankflow.schedules.*}).
 *
 * @param scheduler the timer that requests due scheduled syncs
 * @param providers each provider's unattended-access quota, by provider id (e.g. {@code sandbox-bank})
 * @param defaultQuota the quota of a provider not listed: PSD2's, the safe assumption for a bank
 */
@Validated
@ConfigurationProperties("bankflow.schedules")
public record SchedulesProperties(
        @Valid @NotNull Scheduler scheduler,
        @Valid @NotNull Map<String, Quota> providers,
        @Valid @NotNull Quota defaultQuota) {

    /** The quota of a provider's connections. */
    public UnattendedAccessQuota quotaFor(String provider) {
        Quota quota = providers.getOrDefault(provider, defaultQuota);
        return new UnattendedAccessQuota(quota.perDay(), quota.zone());
    }

    /**
     * @param enabled whether this instance requests due syncs (every instance may: a slot is taken by one, under a
     *     row lock that the others skip)
     * @param interval the pause between two rounds: a slot's sync is requested at most this late
     * @param batchSize how many due schedules one round takes at most
     */
    public record Scheduler(
            boolean enabled,
            @NotNull Duration interval,
            @Min(1) @Max(10_000) int batchSize) {}

    /**
     * @param perDay reads without the user present per account and day; absent for a provider without a limit
     * @param zone the time zone in which the provider's day turns
     */
    public record Quota(
            @Min(1) @Nullable Integer perDay, @NotNull ZoneId zone) {}
}
