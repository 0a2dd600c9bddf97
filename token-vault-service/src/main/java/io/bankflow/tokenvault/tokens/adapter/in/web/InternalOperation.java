package io.bankflow.tokenvault.tokens.adapter.in.web;

import io.bankflow.tokenvault.tokens.InternalApiProperties;
import java.util.List;

/** The operations of the internal API, each with its own client allow-list ({@link InternalApiProperties}). */
enum InternalOperation {
    STORE_TOKENS,
    OBTAIN_ACCESS_TOKEN,
    SHRED_TOKENS,
    EXCHANGE_AUTHORIZATION_CODE;

    List<String> allowedClients(InternalApiProperties properties) {
        return switch (this) {
            case STORE_TOKENS -> properties.storeTokens();
            case OBTAIN_ACCESS_TOKEN -> properties.accessTokens();
            case SHRED_TOKENS -> properties.shredTokens();
            case EXCHANGE_AUTHORIZATION_CODE -> properties.exchangeCodes();
        };
    }
}
