package io.bankflow.sync.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyncWindowTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void askedForDatesWin() {
        assertThat(SyncWindow.resolve(TODAY.minusDays(10), TODAY.minusDays(2), TODAY.minusDays(1), TODAY))
                .isEqualTo(new SyncWindow(TODAY.minusDays(10), TODAY.minusDays(2)));
    }

    @Test
    void withoutDatesAJobContinuesFromTheCursorWithAWeeksOverlap() {
        assertThat(SyncWindow.resolve(null, null, TODAY.minusDays(1), TODAY))
                .isEqualTo(new SyncWindow(TODAY.minusDays(8), TODAY));
    }

    @Test
    void aConnectionNeverSyncedGoesBackNinetyDays() {
        assertThat(SyncWindow.resolve(null, null, null, TODAY)).isEqualTo(new SyncWindow(TODAY.minusDays(90), TODAY));
    }

    @Test
    void aWindowNeverStartsAfterItEnds() {
        assertThat(SyncWindow.resolve(null, TODAY.minusDays(30), TODAY.minusDays(1), TODAY))
                .isEqualTo(new SyncWindow(TODAY.minusDays(30), TODAY.minusDays(30)));
        assertThatThrownBy(() -> new SyncWindow(TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
