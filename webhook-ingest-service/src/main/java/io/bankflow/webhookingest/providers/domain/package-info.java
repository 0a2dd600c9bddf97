/**
 * The providers Bankflow accepts webhooks from, and the rules of each one's scheme: how it signs a delivery, what a
 * signing secret looks like, and where a delivery carries the provider's event id, type and subject.
 *
 * <p>Shared by the {@code endpoints} feature (which providers exist, what secret each needs) and the {@code receiving}
 * feature (verifying and describing deliveries). Plain Java: no Spring, JSON library or I/O, so every rule is tested
 * without a server. A new provider is a {@link io.bankflow.webhookingest.providers.domain.Provider} constant, a
 * {@link io.bankflow.webhookingest.providers.domain.WebhookVerifier} and a
 * {@link io.bankflow.webhookingest.providers.domain.WebhookEventFormat}, registered in
 * {@link io.bankflow.webhookingest.providers.domain.ProviderCatalog}.
 */
@NullMarked
package io.bankflow.webhookingest.providers.domain;

import org.jspecify.annotations.NullMarked;
