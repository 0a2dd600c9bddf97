@NullMarked
package io.bankflow.sandboxbank.controls;

import org.jspecify.annotations.NullMarked;
