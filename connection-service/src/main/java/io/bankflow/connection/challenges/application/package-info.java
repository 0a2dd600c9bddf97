/** Two-factor challenges: application (use cases). */
@NullMarked
package io.bankflow.connection.challenges.application;

import org.jspecify.annotations.NullMarked;
