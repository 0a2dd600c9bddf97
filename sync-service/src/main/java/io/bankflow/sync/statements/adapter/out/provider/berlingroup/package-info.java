/**
 * Berlin Group NextGenPSD2 (1.3.x) account information: accounts, balances and every page of transactions, mapped to
 * statement lines; HTTP and {@code tppMessages} errors mapped to {@link
 * io.bankflow.sync.statements.application.port.out.ProviderFailure}.
 */
@NullMarked
package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import org.jspecify.annotations.NullMarked;
