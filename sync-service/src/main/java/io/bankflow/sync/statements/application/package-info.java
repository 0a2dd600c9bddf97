/** Use cases of statement lines: storing what a fetch brought, deduplicated. */
@NullMarked
package io.bankflow.sync.statements.application;

import org.jspecify.annotations.NullMarked;
