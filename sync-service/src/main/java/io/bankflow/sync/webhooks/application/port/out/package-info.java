/** Storage of provider notifications. */
@NullMarked
package io.bankflow.sync.webhooks.application.port.out;

import org.jspecify.annotations.NullMarked;
