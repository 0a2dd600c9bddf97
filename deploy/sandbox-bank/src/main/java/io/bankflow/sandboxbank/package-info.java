/**
 * The sandbox bank: a spec-true simulator of a PSD2 bank's public API (OAuth2 for the bank's customers, Berlin Group
 * NextGenPSD2 AIS v1, webhooks) with deterministic seeded data in memory, and test controls under {@code /sandbox}.
 */
@NullMarked
package io.bankflow.sandboxbank;

import org.jspecify.annotations.NullMarked;
