package io.bankflow.sync.jobs.application;

import io.bankflow.httpapi.NotFoundException;
import io.bankflow.sync.jobs.application.port.out.SyncJobs;
import io.bankflow.sync.jobs.domain.SyncJob;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's sync jobs, one or a page at a time. */
@Service
@Transactional(readOnly = true)
public class ReadSyncJobs {

    private final SyncJobs jobs;

    ReadSyncJobs(SyncJobs jobs) {
        this.jobs = jobs;
    }

    /** @throws NotFoundException (404) when the organisation has no such job */
    public SyncJob get(String orgId, UUID id) {
        return jobs.find(orgId, id).orElseThrow(() -> NotFoundException.of("Sync job", id));
    }

    /**
     * A page of jobs, newest first.
     *
     * @param next where the following page starts; null on the last page
     */
    public record Page(List<SyncJob> items, SyncJobs.@Nullable Position next) {}

    public Page list(String orgId, @Nullable UUID connectionId, SyncJobs.@Nullable Position after, int limit) {
        List<SyncJob> found = jobs.list(orgId, connectionId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<SyncJob> items = found.subList(0, limit);
        SyncJob last = items.getLast();
        return new Page(List.copyOf(items), new SyncJobs.Position(last.requestedAt(), last.id()));
    }
}
