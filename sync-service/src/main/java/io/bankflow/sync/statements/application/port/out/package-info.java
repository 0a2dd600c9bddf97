/** What the statement use cases need from the outside: account information providers. */
@NullMarked
package io.bankflow.sync.statements.application.port.out;

import org.jspecify.annotations.NullMarked;
