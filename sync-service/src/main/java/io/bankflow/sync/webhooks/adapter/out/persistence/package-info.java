/** Provider notifications in PostgreSQL ({@code provider_notification}). */
@NullMarked
package io.bankflow.sync.webhooks.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
