package io.bankflow.connection.challenges.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST .../challenges/{challengeId}/verify}: the code for an OTP challenge, or the outcome for a push.
 *
 * @param otp the code the user typed (OTP challenges)
 * @param approved whether the user approved in the bank's app (PUSH challenges)
 */
record VerifyChallengeRequest(
        @Schema(description = "OTP challenges: the code the user typed.", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Nullable
        String otp,

        @Schema(description = "PUSH challenges: whether the user approved.") @Nullable
        Boolean approved) {

    /** Never the code. */
    @Override
    public String toString() {
        return "VerifyChallengeRequest[approved=" + approved + "]";
    }
}
