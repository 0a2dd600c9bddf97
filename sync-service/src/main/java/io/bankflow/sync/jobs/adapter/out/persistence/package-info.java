/** Sync jobs and sync targets in PostgreSQL. */
@NullMarked
package io.bankflow.sync.jobs.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
