/** Bank accounts: adapter out persistence. */
@NullMarked
package io.bankflow.connection.accounts.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
