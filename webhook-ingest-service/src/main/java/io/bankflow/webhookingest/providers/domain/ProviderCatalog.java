package io.bankflow.webhookingest.providers.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Each supported provider's verifier and event format, and the secrets Bankflow generates for it. */
public final class ProviderCatalog {

    private final Map<Provider, WebhookVerifier> verifiers = new EnumMap<>(Provider.class);
    private final Map<Provider, WebhookEventFormat> formats = new EnumMap<>(Provider.class);
    private final SecureRandom random;

    /**
     * @param tolerance how far a signed timestamp may be from now, for every provider
     * @param random the source of generated secrets
     */
    public ProviderCatalog(Duration tolerance, SecureRandom random) {
        this.random = random;
        register(Provider.SANDBOX_BANK, new StandardWebhooksVerifier(tolerance), new SandboxBankEventFormat());
        register(Provider.STRIPE, new StripeVerifier(tolerance), new StripeEventFormat());
        for (Provider provider : Provider.values()) {
            if (!verifiers.containsKey(provider)) {
                throw new IllegalStateException("No verifier registered for provider " + provider);
            }
            if (provider.secretOrigin() == Provider.SecretOrigin.GENERATED_OR_PROVIDED
                    && verifiers.get(provider).generateSecret(random).isEmpty()) {
                throw new IllegalStateException("Provider " + provider + " needs a verifier that generates secrets");
            }
        }
    }

    private void register(Provider provider, WebhookVerifier verifier, WebhookEventFormat format) {
        verifiers.put(provider, verifier);
        formats.put(provider, format);
    }

    /** How the provider's deliveries are verified. */
    public WebhookVerifier verifier(Provider provider) {
        return verifiers.get(provider);
    }

    /** How the provider's deliveries are described. */
    public WebhookEventFormat format(Provider provider) {
        return formats.get(provider);
    }

    /**
     * A new signing secret for an endpoint of the provider.
     *
     * @return the secret, or empty when the provider issues its own ({@link Provider.SecretOrigin#PROVIDED_ONLY})
     */
    public Optional<SigningSecret> generateSecret(Provider provider) {
        return switch (provider.secretOrigin()) {
            case GENERATED_OR_PROVIDED -> verifier(provider).generateSecret(random);
            case PROVIDED_ONLY -> Optional.empty();
        };
    }
}
