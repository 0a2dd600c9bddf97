/** Test helpers: the API over HTTP with real tokens, the sandbox bank as a child process. */
@NullMarked
package io.bankflow.connection.testing;

import org.jspecify.annotations.NullMarked;
