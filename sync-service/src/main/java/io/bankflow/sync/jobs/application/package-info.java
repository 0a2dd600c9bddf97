/** Use cases of sync jobs: request, run, read. */
@NullMarked
package io.bankflow.sync.jobs.application;

import org.jspecify.annotations.NullMarked;
