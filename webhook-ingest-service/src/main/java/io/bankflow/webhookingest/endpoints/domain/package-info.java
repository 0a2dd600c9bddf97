/** Webhook endpoints: one per organisation and provider (ADR 0002), each with its own signing secret. */
@NullMarked
package io.bankflow.webhookingest.endpoints.domain;

import org.jspecify.annotations.NullMarked;
