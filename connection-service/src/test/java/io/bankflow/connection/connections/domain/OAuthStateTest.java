package io.bankflow.connection.connections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class OAuthStateTest {

    @Test
    void isStoredOnlyAsItsSha256AndNeverPrinted() {
        OAuthState state = OAuthState.generate(new SecureRandom());

        assertThat(state.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(state.hash()).matches("[0-9a-f]{64}").isEqualTo(new OAuthState(state.value()).hash());
        assertThat(state.toString()).doesNotContain(state.value());
    }
}
