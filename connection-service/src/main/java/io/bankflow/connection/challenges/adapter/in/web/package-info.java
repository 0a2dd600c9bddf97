/** Two-factor challenges: adapter.in.web. */
@NullMarked
package io.bankflow.connection.challenges.adapter.in.web;

import org.jspecify.annotations.NullMarked;
