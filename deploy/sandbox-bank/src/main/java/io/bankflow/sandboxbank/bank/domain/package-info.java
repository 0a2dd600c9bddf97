@NullMarked
package io.bankflow.sandboxbank.bank.domain;

import org.jspecify.annotations.NullMarked;
