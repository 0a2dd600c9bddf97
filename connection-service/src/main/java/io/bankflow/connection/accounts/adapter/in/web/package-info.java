/** Bank accounts: adapter in web. */
@NullMarked
package io.bankflow.connection.accounts.adapter.in.web;

import org.jspecify.annotations.NullMarked;
