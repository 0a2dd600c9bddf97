/** The sync jobs API: request a sync, read jobs and their counts. */
@NullMarked
package io.bankflow.sync.jobs.adapter.in.web;

import org.jspecify.annotations.NullMarked;
