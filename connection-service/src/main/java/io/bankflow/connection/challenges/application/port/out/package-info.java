/** Two-factor challenges: application.port.out. */
@NullMarked
package io.bankflow.connection.challenges.application.port.out;

import org.jspecify.annotations.NullMarked;
