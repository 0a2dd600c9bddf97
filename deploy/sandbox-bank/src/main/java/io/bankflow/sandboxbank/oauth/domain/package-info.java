@NullMarked
package io.bankflow.sandboxbank.oauth.domain;

import org.jspecify.annotations.NullMarked;
