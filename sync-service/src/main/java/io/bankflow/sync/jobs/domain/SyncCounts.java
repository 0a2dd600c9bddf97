package io.bankflow.sync.jobs.domain;

/**
 * What a job did with the transactions it received.
 *
 * @param fetched transactions received from the provider (booked and pending, every page)
 * @param newLines lines stored and published (new, or the booked form of a known pending line)
 * @param duplicates transactions recognised as known and skipped
 * @param errors transactions that could not be normalised and were skipped
 */
public record SyncCounts(int fetched, int newLines, int duplicates, int errors) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0);

    public SyncCounts {
        if (fetched < 0 || newLines < 0 || duplicates < 0 || errors < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
