/** Two-factor challenges: adapter.out.persistence. */
@NullMarked
package io.bankflow.connection.challenges.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
