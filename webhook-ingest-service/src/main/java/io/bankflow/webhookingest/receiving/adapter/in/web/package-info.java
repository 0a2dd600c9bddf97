/** The public webhook receiver: {@code POST /webhooks/{provider}/{endpointId}}. */
@NullMarked
package io.bankflow.webhookingest.receiving.adapter.in.web;

import org.jspecify.annotations.NullMarked;
