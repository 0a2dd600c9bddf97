/** Two-factor challenges (OTP, push) a bank asks of a connection's user: their attempts, expiry and outcome; never the OTP. */
@NullMarked
package io.bankflow.connection.challenges;

import org.jspecify.annotations.NullMarked;
