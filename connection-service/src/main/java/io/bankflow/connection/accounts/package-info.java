/** Bank accounts: what an organisation registers (GL code, currency, IBAN) before it connects them to a bank. */
@NullMarked
package io.bankflow.connection.accounts;

import org.jspecify.annotations.NullMarked;
