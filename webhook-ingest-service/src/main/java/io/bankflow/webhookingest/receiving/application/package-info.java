/** Receiving a webhook: resolve the endpoint, verify, describe, store once, publish. */
@NullMarked
package io.bankflow.webhookingest.receiving.application;

import org.jspecify.annotations.NullMarked;
