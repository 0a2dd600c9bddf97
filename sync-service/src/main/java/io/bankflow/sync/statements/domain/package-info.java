/** The statement rules in plain Java: normalised statement lines and how duplicates are recognised. */
@NullMarked
package io.bankflow.sync.statements.domain;

import org.jspecify.annotations.NullMarked;
