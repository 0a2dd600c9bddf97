package io.bankflow.webhookingest.providers.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider that sends webhooks to Bankflow, by the name that appears in URLs ({@code /webhooks/{provider}/...}), API
 * bodies and events.
 */
public enum Provider {

    /**
     * Bankflow's sandbox bank. Signs with the Standard Webhooks scheme; Bankflow generates the endpoint's secret (the
     * organisation configures it at the bank), or the organisation brings one.
     */
    SANDBOX_BANK("sandbox-bank", SecretOrigin.GENERATED_OR_PROVIDED),

    /** Stripe. Stripe issues each endpoint's signing secret ({@code whsec_...}); Bankflow cannot generate one. */
    STRIPE("stripe", SecretOrigin.PROVIDED_ONLY);

    private final String wireName;
    private final SecretOrigin secretOrigin;

    Provider(String wireName, SecretOrigin secretOrigin) {
        this.wireName = wireName;
        this.secretOrigin = secretOrigin;
    }

    /** The lower-case name used in URLs, API bodies and events, e.g. {@code sandbox-bank}. */
    public String wireName() {
        return wireName;
    }

    /** Who may supply the signing secret of this provider's endpoints. */
    public SecretOrigin secretOrigin() {
        return secretOrigin;
    }

    /**
     * The provider of a wire name, case-insensitively.
     *
     * @param wireName a name such as {@code sandbox-bank}; anything else, including blank, is no provider
     * @return the provider, or empty when Bankflow does not support it
     */
    public static Optional<Provider> fromWireName(String wireName) {
        String normalised = wireName.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(provider -> provider.wireName.equals(normalised))
                .findFirst();
    }

    /** The wire names of every supported provider, for error messages and API documentation. */
    public static List<String> supportedWireNames() {
        return Arrays.stream(values()).map(Provider::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** Who supplies an endpoint's signing secret. */
    public enum SecretOrigin {
        /** Bankflow generates one unless the organisation provides its own. */
        GENERATED_OR_PROVIDED,
        /** The provider issues the secret; the organisation must provide it. */
        PROVIDED_ONLY
    }
}
