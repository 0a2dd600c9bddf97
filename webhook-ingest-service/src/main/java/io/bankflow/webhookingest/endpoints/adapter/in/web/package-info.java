/** The webhook endpoint API: {@code /api/banking/webhook-endpoints}. */
@NullMarked
package io.bankflow.webhookingest.endpoints.adapter.in.web;

import org.jspecify.annotations.NullMarked;
