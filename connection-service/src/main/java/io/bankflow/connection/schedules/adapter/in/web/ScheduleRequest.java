package io.bankflow.connection.schedules.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/banking/connections/{id}/schedule}. Checked in code so that every wrong field is named at
 * once.
 *
 * @param frequency DAILY, WEEKLY, MONTHLY or TIMES_PER_DAY
 * @param time local time HH:mm (for TIMES_PER_DAY: of the first slot, default 00:00)
 * @param dayOfWeek MONDAY to SUNDAY, WEEKLY only
 * @param dayOfMonth 1 to 31, MONTHLY only
 * @param timesPerDay 1 to the provider's daily quota (PSD2: 4), TIMES_PER_DAY only
 * @param timeZone IANA time zone of the local times, default UTC
 */
record ScheduleRequest(
        @Schema(
                description = "How often.",
                allowableValues = {"DAILY", "WEEKLY", "MONTHLY", "TIMES_PER_DAY"},
                example = "DAILY")
        @Nullable
        String frequency,

        @Schema(description = "Local time HH:mm; for TIMES_PER_DAY the first slot (default 00:00).", example = "06:30")
        @Nullable
        String time,

        @Schema(description = "WEEKLY only.", example = "MONDAY") @Nullable
        String dayOfWeek,

        @Schema(description = "MONTHLY only, 1-31; 29-31 run on the last day of shorter months.", example = "31")
        @Nullable
        Integer dayOfMonth,

        @Schema(
                description = "TIMES_PER_DAY only: 1 to the provider's unattended-read quota (4 for PSD2"
                        + " banks), evenly spread over the day.",
                example = "4")
        @Nullable
        Integer timesPerDay,

        @Schema(description = "IANA time zone of the local times (default UTC).", example = "Europe/Oslo") @Nullable
        String timeZone) {}
