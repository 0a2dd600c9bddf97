package io.bankflow.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    @Test
    void namesStartWithThePrefixFollowedByTheSanitisedHintAndARandomSuffix() {
        assertThat(DatabaseNames.newName("StatementLinesIT")).matches("t_statementlinesit_[a-z0-9]{10}");
    }

    @Test
    void replacesEverythingButLettersAndDigitsWithSingleUnderscores() {
        assertThat(DatabaseNames.newName("  Sync/Job--Repo Ä IT ")).matches("t_sync_job_repo_it_[a-z0-9]{10}");
    }

    @Test
    void fallsBackToDbWhenTheHintHasNothingUsable() {
        assertThat(DatabaseNames.newName("-- ÄÖ --")).matches("t_db_[a-z0-9]{10}");
    }

    @Test
    void shortensLongHintsToFitPostgresIdentifiers() {
        String name = DatabaseNames.newName("a".repeat(49) + "_" + "b".repeat(100));

        assertThat(name).hasSizeLessThanOrEqualTo(DatabaseNames.MAX_LENGTH).matches("t_a{49}_[a-z0-9]{10}");
    }

    @Test
    void twoNamesForTheSameHintDiffer() {
        Random random = new Random(42);

        assertThat(DatabaseNames.newName("same", random)).isNotEqualTo(DatabaseNames.newName("same", random));
    }
}
