package io.bankflow.connection.challenges.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/banking/connections/{id}/challenges}. Checked in code so that every wrong field is named
 * at once, without echoing any value.
 *
 * @param type OTP or PUSH
 * @param otp for OTP: the code the user was sent (4 to 16 letters or digits); kept only as a salted hash
 * @param expiresInSeconds how long it may be verified (default 300, at most the configured maximum)
 * @param maxAttempts attempts allowed, 1 to 5 (default 3)
 */
record CreateChallengeRequest(
        @Schema(
                description = "OTP or PUSH.",
                allowableValues = {"OTP", "PUSH"},
                example = "OTP")
        @Nullable
        String type,

        @Schema(
                description = "OTP only: the code the user was sent, 4 to 16 letters or digits. Write-only:"
                        + " kept as a salted hash while the challenge is pending, never returned or logged.",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @Nullable
        String otp,

        @Schema(description = "Seconds it may be verified (default 300).", example = "300") @Nullable
        Integer expiresInSeconds,

        @Schema(description = "Attempts allowed, 1 to 5 (default 3).", example = "3") @Nullable
        Integer maxAttempts) {

    /** Never the code. */
    @Override
    public String toString() {
        return "CreateChallengeRequest[type=" + type + "]";
    }
}
