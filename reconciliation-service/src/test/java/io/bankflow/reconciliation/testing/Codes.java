package io.bankflow.reconciliation.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Customer codes no other test uses (the tests of a context share one database). */
public final class Codes {

    private Codes() {}

    /** A fresh code, CUS + 8 random digits. */
    public static String fresh() {
        return String.format("CUS%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The code as a payer might type it: {@code CUS 1234 5678}. */
    public static String spaced(String code) {
        return "CUS " + code.substring(3, 7) + " " + code.substring(7);
    }
}
