package io.bankflow.connection.schedules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UnattendedAccessQuotaTest {

    static final UnattendedAccessQuota PSD2 = new UnattendedAccessQuota(4, ZoneOffset.UTC);

    @Test
    void allowsFourReadsADayUnderPsd2() {
        assertThat(PSD2.allowsAnother(0)).isTrue();
        assertThat(PSD2.allowsAnother(3)).isTrue();
        assertThat(PSD2.allowsAnother(4)).isFalse();
        assertThat(PSD2.allowsAnother(5)).isFalse();
        assertThat(PSD2.maxTimesPerDay()).isEqualTo(4);
    }

    @Test
    void countsPerDayOfTheProvidersZoneAndResetsAtItsMidnight() {
        UnattendedAccessQuota oslo = new UnattendedAccessQuota(4, ZoneId.of("Europe/Oslo"));
        Instant lateEvening = Instant.parse("2026-01-15T23:30:00Z"); // 00:30 on the 16th in Oslo

        assertThat(oslo.day(lateEvening)).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(oslo.resetsAt(lateEvening)).isEqualTo(Instant.parse("2026-01-16T23:00:00Z"));
        assertThat(PSD2.day(lateEvening)).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(PSD2.resetsAt(lateEvening)).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
    }

    @Test
    void resetsAtTheRealMidnightOnADayOfTwentyThreeHours() {
        UnattendedAccessQuota oslo = new UnattendedAccessQuota(4, ZoneId.of("Europe/Oslo"));

        assertThat(oslo.resetsAt(Instant.parse("2026-03-29T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void letsAProviderWithoutALimitSyncHourlyAtMost() {
        UnattendedAccessQuota unlimited = UnattendedAccessQuota.unlimited(ZoneOffset.UTC);

        assertThat(unlimited.allowsAnother(1_000)).isTrue();
        assertThat(unlimited.maxTimesPerDay()).isEqualTo(24);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new UnattendedAccessQuota(0, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
