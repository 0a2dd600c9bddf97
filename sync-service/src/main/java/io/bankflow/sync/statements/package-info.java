/**
 * Statements: provider transactions normalised into statement lines, deduplicated, and the provider adapters that
 * fetch them.
 */
@NullMarked
package io.bankflow.sync.statements;

import org.jspecify.annotations.NullMarked;
