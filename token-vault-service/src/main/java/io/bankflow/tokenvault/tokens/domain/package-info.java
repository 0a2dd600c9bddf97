/** Provider tokens as the vault keeps them: sealed records, their binding to organisation and connection, audit entries. */
@NullMarked
package io.bankflow.tokenvault.tokens.domain;

import org.jspecify.annotations.NullMarked;
