package io.bankflow.sync.jobs.adapter.in.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync job workers of one instance ({@code bankflow.sync.worker.*}).
 *
 * @param concurrency jobs run at once by this instance (each on its own virtual thread)
 * @param pollInterval how often an idle worker looks for due jobs (retries, jobs queued by other instances); a job
 *     queued by this instance wakes a worker at once
 */
@ConfigurationProperties("bankflow.sync.worker")
public record SyncWorkerProperties(
        @DefaultValue("2") int concurrency,
        @DefaultValue("1s") Duration pollInterval) {

    public SyncWorkerProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("bankflow.sync.worker.concurrency must be at least 1");
        }
    }
}
