/** token_record through Spring Data JPA, token_audit through JDBC. */
@NullMarked
package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
