/** Bank accounts: application port out. */
@NullMarked
package io.bankflow.connection.accounts.application.port.out;

import org.jspecify.annotations.NullMarked;
