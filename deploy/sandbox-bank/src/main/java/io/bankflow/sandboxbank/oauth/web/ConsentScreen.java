package io.bankflow.sandboxbank.oauth.web;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The customer's consent step at the bank. The sandbox customer approves automatically, unless a test control asked
 * for the next authorisations to be refused (the customer pressing "deny").
 */
@Component
public class ConsentScreen {

    private final AtomicInteger refusals = new AtomicInteger();

    /** The next {@code count} authorisations are refused ({@code access_denied}). */
    public void refuseNext(int count) {
        refusals.set(Math.max(0, count));
    }

    public int pendingRefusals() {
        return refusals.get();
    }

    public void reset() {
        refusals.set(0);
    }

    /** Whether the customer approves this one (takes one refusal if any are queued). */
    boolean customerApproves() {
        return refusals.getAndUpdate(left -> left > 0 ? left - 1 : 0) == 0;
    }
}
