@NullMarked
package io.bankflow.sandboxbank.webhooks;

import org.jspecify.annotations.NullMarked;
