/** Two-factor challenges: domain (the state machine, the salted OTP hash). Plain Java. */
@NullMarked
package io.bankflow.connection.challenges.domain;

import org.jspecify.annotations.NullMarked;
