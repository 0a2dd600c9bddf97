/** The rules of bank accounts in plain Java: IBAN checks and masking, GL codes, currencies. */
@NullMarked
package io.bankflow.connection.accounts.domain;

import org.jspecify.annotations.NullMarked;
