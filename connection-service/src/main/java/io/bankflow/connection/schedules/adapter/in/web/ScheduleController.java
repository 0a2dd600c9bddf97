package io.bankflow.connection.schedules.adapter.in.web;

import io.bankflow.connection.apisupport.InvalidFieldException;
import io.bankflow.connection.schedules.application.GetSchedule;
import io.bankflow.connection.schedules.application.PauseSchedule;
import io.bankflow.connection.schedules.application.ResumeSchedule;
import io.bankflow.connection.schedules.application.SetSchedule;
import io.bankflow.connection.schedules.domain.Frequency;
import io.bankflow.connection.schedules.domain.InvalidScheduleException;
import io.bankflow.httpapi.FieldViolation;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connection's sync schedule. Changing it needs the {@code finance} or {@code admin} role; any caller of the
 * organisation may read it. Another organisation's connection is not found.
 */
@RestController
@RequestMapping(path = "/api/banking/connections/{id}/schedule", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Sync schedules",
        description = "When a connection's statements are fetched on their own, within the provider's"
                + " unattended-access quota (PSD2: 4 reads per account and day).")
@ApiResponse(
        responseCode = "404",
        description = "No such connection in the caller's organisation, or (GET, pause, resume) it has no schedule.")
class ScheduleController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final GetSchedule getSchedule;
    private final SetSchedule setSchedule;
    private final PauseSchedule pauseSchedule;
    private final ResumeSchedule resumeSchedule;

    ScheduleController(
            GetSchedule getSchedule,
            SetSchedule setSchedule,
            PauseSchedule pauseSchedule,
            ResumeSchedule resumeSchedule) {
        this.getSchedule = getSchedule;
        this.setSchedule = setSchedule;
        this.pauseSchedule = pauseSchedule;
        this.resumeSchedule = resumeSchedule;
    }

    @GetMapping
    @Operation(
            summary = "Get a connection's sync schedule",
            description = "With nextSyncAt (when the next scheduled sync is requested) and the provider's quota today.")
    ScheduleResponse get(Caller caller, @PathVariable UUID id) {
        return ScheduleResponse.of(getSchedule.get(caller.orgId(), id));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a connection's sync schedule",
            description = "Creates (201) or replaces (200) the schedule. The next slot is the first after now; a paused"
                    + " schedule stays paused; quota used today still counts. Requires the finance or admin role.")
    @ApiResponse(
            responseCode = "400",
            description = "A field is wrong (errors names each), e.g. more times a day than the provider's quota.")
    @ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
    ResponseEntity<ScheduleResponse> put(Caller caller, @PathVariable UUID id, @RequestBody ScheduleRequest request) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        SetSchedule.Command command = command(caller, id, request);
        SetSchedule.Result result;
        try {
            result = setSchedule.set(command);
        } catch (InvalidScheduleException invalid) {
            throw new InvalidFieldException(invalid.violations().stream()
                    .map(v -> new FieldViolation(v.field(), v.message()))
                    .toList());
        }
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ScheduleResponse.of(result.view()));
    }

    @PostMapping("/pause")
    @Operation(
            summary = "Pause scheduled syncs",
            description = "No scheduled syncs until resumed; manual syncs (POST /api/banking/sync-jobs) still run."
                    + " Idempotent. Requires the finance or admin role.")
    ScheduleResponse pause(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        return ScheduleResponse.of(pauseSchedule.pause(caller.orgId(), id, caller.clientId()));
    }

    @PostMapping("/resume")
    @Operation(
            summary = "Resume scheduled syncs",
            description = "From the first slot after now; slots missed while paused are not caught up. Idempotent."
                    + " Requires the finance or admin role.")
    ScheduleResponse resume(Caller caller, @PathVariable UUID id) {
        caller.requireAnyOf(Role.FINANCE, Role.ADMIN);
        return ScheduleResponse.of(resumeSchedule.resume(caller.orgId(), id, caller.clientId()));
    }

    private static SetSchedule.Command command(Caller caller, UUID id, ScheduleRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Frequency frequency = null;
        if (request.frequency() == null || request.frequency().isBlank()) {
            violations.add(new FieldViolation("frequency", "is required"));
        } else {
            try {
                frequency = Frequency.valueOf(request.frequency().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("frequency", "must be one of DAILY, WEEKLY, MONTHLY, TIMES_PER_DAY"));
            }
        }
        LocalTime time = null;
        if (request.time() == null || request.time().isBlank()) {
            if (frequency == Frequency.TIMES_PER_DAY) {
                time = LocalTime.MIDNIGHT;
            } else if (frequency != null) {
                violations.add(new FieldViolation("time", "is required"));
            }
        } else {
            try {
                time = LocalTime.parse(request.time().trim(), HH_MM);
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("time", "must be a local time HH:mm, 00:00 to 23:59"));
            }
        }
        DayOfWeek dayOfWeek = null;
        if (request.dayOfWeek() != null) {
            try {
                dayOfWeek = DayOfWeek.valueOf(request.dayOfWeek().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("dayOfWeek", "must be MONDAY to SUNDAY"));
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        if (request.timeZone() != null) {
            try {
                zone = ZoneId.of(request.timeZone().trim());
            } catch (DateTimeException e) {
                violations.add(new FieldViolation("timeZone", "must be an IANA time zone id, e.g. Europe/Oslo"));
            }
        }
        if (!violations.isEmpty() || frequency == null || time == null) {
            throw new InvalidFieldException(violations);
        }
        return new SetSchedule.Command(
                caller.orgId(),
                id,
                caller.clientId(),
                frequency,
                time,
                dayOfWeek,
                request.dayOfMonth(),
                request.timesPerDay(),
                zone);
    }
}
