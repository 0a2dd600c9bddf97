package io.bankflow.sync.jobs.application;

import io.bankflow.sync.jobs.application.port.out.SyncJobs;
import io.bankflow.sync.jobs.application.port.out.SyncTargets;
import io.bankflow.sync.jobs.domain.NewDataNotifications;
import io.bankflow.sync.jobs.domain.SyncJob;
import io.bankflow.sync.jobs.domain.SyncReason;
import io.bankflow.sync.jobs.domain.SyncTarget;
import io.bankflow.sync.jobs.domain.SyncWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a request for fresh statements into a queued job (the worker runs it): SyncRequested from connection-service
 * (which also tells this service what the connection is), a user's request through the API, or a provider's "new
 * data" webhook.
 */
@Service
public class RequestSync {

    /** How far back a user may ask for: PSD2 banks give at most this much history without a fresh SCA. */
    static final int MAX_HISTORY_DAYS = 730;

    private static final Logger log = LoggerFactory.getLogger(RequestSync.class);

    private final SyncJobs jobs;
    private final SyncTargets targets;
    private final ApplicationEventPublisher applicationEvents;
    private final Clock clock;

    public RequestSync(SyncJobs jobs, SyncTargets targets, ApplicationEventPublisher applicationEvents, Clock clock) {
        this.jobs = jobs;
        this.targets = targets;
        this.applicationEvents = applicationEvents;
        this.clock = clock;
    }

    /**
     * SyncRequested: what it says about the connection is remembered, then a job is queued.
     *
     * @return the job, or empty when the event names a connection this service knows nothing about (an event from
     *     before connection-service announced accounts; logged)
     */
    @Transactional
    public Optional<SyncJob> onSyncRequested(Requested request) {
        SyncTarget target;
        if (request.announced() != null) {
            SyncTarget announced = request.announced();
            target = targets.find(announced.orgId(), announced.connectionId())
                    .map(known -> known.announcedAgain(announced))
                    .orElse(announced);
            targets.save(target);
        } else {
            Optional<SyncTarget> known = targets.find(request.orgId(), request.connectionId());
            if (known.isEmpty()) {
                log.warn(
                        "SyncRequested for connection {} of organisation {} names no account and the connection is"
                                + " unknown here; nothing to sync",
                        request.connectionId(),
                        request.orgId());
                return Optional.empty();
            }
            target = known.get();
        }
        return Optional.of(queue(
                target,
                request.reason(),
                request.dateFrom(),
                request.dateTo(),
                request.requestedBy(),
                null,
                request.correlationId(),
                request.causationId()));
    }

    /**
     * A user asks for a sync now (MANUAL). With the user's IP address the bank counts the reads as made with the user
     * present, so they do not use up the consent's unattended reads of the day.
     *
     * @throws SyncTargetNotFoundException (404) when the organisation has no such connection known here
     * @throws IllegalArgumentException for dates out of range (the caller's input; the API checks them first)
     */
    @Transactional
    public SyncJob manual(
            String orgId,
            UUID connectionId,
            @Nullable LocalDate dateFrom,
            @Nullable LocalDate dateTo,
            String requestedBy,
            @Nullable String psuIpAddress,
            String correlationId) {
        SyncTarget target =
                targets.find(orgId, connectionId).orElseThrow(() -> new SyncTargetNotFoundException(connectionId));
        return queue(target, SyncReason.MANUAL, dateFrom, dateTo, requestedBy, psuIpAddress, correlationId, null);
    }

    /**
     * A provider's webhook: when it means new data, a WEBHOOK job for each connection of the organisation it names
     * (by consent or provider account id), unless one is already waiting to run (a burst of webhooks is one sync).
     *
     * @return the jobs queued now
     */
    @Transactional
    public List<SyncJob> onProviderNotification(
            String orgId,
            String provider,
            String eventType,
            @Nullable String subjectRef,
            String correlationId,
            @Nullable String causationId) {
        if (!NewDataNotifications.meansNewData(provider, eventType) || subjectRef == null) {
            return List.of();
        }
        List<SyncJob> queued = new ArrayList<>();
        for (SyncTarget target : targets.findByProviderRef(orgId, provider, subjectRef)) {
            if (jobs.hasQueued(orgId, target.connectionId())) {
                log.info(
                        "{} webhook for connection {}: a sync is already waiting to run; joined it",
                        provider,
                        target.connectionId());
                continue;
            }
            queued.add(queue(target, SyncReason.WEBHOOK, null, null, null, null, correlationId, causationId));
        }
        if (queued.isEmpty()) {
            log.info(
                    "{} webhook {} of organisation {} names {}, which no connection here is waiting for",
                    provider,
                    eventType,
                    orgId,
                    subjectRef);
        }
        return queued;
    }

    /** Checks a date range a user asked for: not in the future, not older than the banks keep, in order. */
    public void checkRequestedWindow(@Nullable LocalDate dateFrom, @Nullable LocalDate dateTo) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (dateFrom != null && dateFrom.isBefore(today.minusDays(MAX_HISTORY_DAYS))) {
            throw new IllegalArgumentException("dateFrom must be within the last " + MAX_HISTORY_DAYS + " days");
        }
        if (dateFrom != null && dateFrom.isAfter(today)) {
            throw new IllegalArgumentException("dateFrom must not be in the future");
        }
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw new IllegalArgumentException("dateFrom must not be after dateTo");
        }
    }

    private SyncJob queue(
            SyncTarget target,
            SyncReason reason,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String requestedBy,
            @Nullable String psuIpAddress,
            String correlationId,
            @Nullable String causationId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SyncJob job = SyncJob.queued(
                UUID.randomUUID(),
                target,
                reason,
                from,
                to,
                requestedBy,
                psuIpAddress,
                correlationId,
                causationId,
                now);
        jobs.add(job, now);
        applicationEvents.publishEvent(new SyncJobQueued(job.id()));
        log.info(
                "Queued {} sync job {} for connection {} of organisation {}",
                reason,
                job.id(),
                target.connectionId(),
                target.orgId());
        return job;
    }

    /**
     * SyncRequested, as this service reads it.
     *
     * @param orgId the organisation
     * @param connectionId the connection
     * @param announced what the event says about the connection (null for events that say nothing)
     * @param reason why
     * @param dateFrom first booking date, or null (cursor / {@link SyncWindow#DEFAULT_HISTORY_DAYS})
     * @param dateTo last booking date, or null (today)
     * @param requestedBy who asked, if a user did
     * @param correlationId the flow's correlation id
     * @param causationId the SyncRequested event's id
     */
    public record Requested(
            String orgId,
            UUID connectionId,
            @Nullable SyncTarget announced,
            SyncReason reason,
            @Nullable LocalDate dateFrom,
            @Nullable LocalDate dateTo,
            @Nullable String requestedBy,
            String correlationId,
            @Nullable String causationId) {

        public Requested {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(correlationId, "correlationId");
        }
    }
}
