/** The sync job and its rules (states, windows, retries) in plain Java. */
@NullMarked
package io.bankflow.sync.jobs.domain;

import org.jspecify.annotations.NullMarked;
