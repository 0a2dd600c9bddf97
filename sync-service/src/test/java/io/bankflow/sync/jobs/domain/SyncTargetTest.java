package io.bankflow.sync.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncTargetTest {

    static final UUID CONNECTION = UUID.randomUUID();
    static final UUID ACCOUNT = UUID.randomUUID();
    static final LocalDate SYNCED = LocalDate.of(2026, 11, 20);

    static SyncTarget announced(String consentId) {
        return new SyncTarget(
                "acme-industries", CONNECTION, ACCOUNT, "sandbox-bank", consentId, "NO3215039811828", null, null);
    }

    @Test
    void aNewConsentForgetsTheProvidersAccountIdSoTheAccountIsFoundAgainByIban() {
        SyncTarget known = announced("consent-1").withAccountResourceId("acc-1").syncedThrough(SYNCED);

        SyncTarget again = known.announcedAgain(announced("consent-2"));

        assertThat(again.providerConsentId()).isEqualTo("consent-2");
        assertThat(again.accountResourceId()).isNull();
        assertThat(again.syncedThrough()).as("the history's cursor stays").isEqualTo(SYNCED);
    }

    @Test
    void theSameConsentAnnouncedAgainKeepsWhatWasLearned() {
        SyncTarget known = announced("consent-1").withAccountResourceId("acc-1").syncedThrough(SYNCED);

        SyncTarget again = known.announcedAgain(announced("consent-1"));

        assertThat(again.accountResourceId()).isEqualTo("acc-1");
        assertThat(again.syncedThrough()).isEqualTo(SYNCED);
    }

    @Test
    void theCursorNeverMovesBack() {
        SyncTarget known = announced("consent-1").syncedThrough(SYNCED);

        assertThat(known.syncedThrough(SYNCED.minusDays(3)).syncedThrough()).isEqualTo(SYNCED);
        assertThat(known.syncedThrough(SYNCED.plusDays(1)).syncedThrough()).isEqualTo(SYNCED.plusDays(1));
    }
}
