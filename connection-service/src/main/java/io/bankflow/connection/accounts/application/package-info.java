/** Bank accounts: application. */
@NullMarked
package io.bankflow.connection.accounts.application;

import org.jspecify.annotations.NullMarked;
