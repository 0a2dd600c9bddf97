/** The worker that claims queued jobs and runs them. */
@NullMarked
package io.bankflow.sync.jobs.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
