@NullMarked
package io.bankflow.sandboxbank.bank.application;

import org.jspecify.annotations.NullMarked;
