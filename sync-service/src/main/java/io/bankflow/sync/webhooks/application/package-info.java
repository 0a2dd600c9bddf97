/** Use cases of provider notifications, one class each. */
@NullMarked
package io.bankflow.sync.webhooks.application;

import org.jspecify.annotations.NullMarked;
