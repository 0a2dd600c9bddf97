package io.bankflow.sync.statements.application.port.out;

import java.util.Optional;

/** The account information adapter for each provider Bankflow names (e.g. {@code sandbox-bank}). */
public interface AccountInformationProviders {

    /** The adapter reading {@code provider}, when sync-service has one. */
    Optional<AccountInformationProvider> forProvider(String provider);
}
