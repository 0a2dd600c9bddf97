/** Two-factor challenges: adapter.in.scheduling (expiring challenges nobody finished). */
@NullMarked
package io.bankflow.connection.challenges.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
