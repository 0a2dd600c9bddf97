package io.bankflow.sandboxbank.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

    private final RedirectUris uris =
            new RedirectUris(List.of("http://127.0.0.1:*/oauth/callback", "https://app.example.com/oauth/callback"));

    @Test
    void acceptsAnyPortOnALoopbackPattern() {
        assertThat(uris.allows("http://127.0.0.1:18600/oauth/callback")).isTrue();
        assertThat(uris.allows("http://127.0.0.1:38600/oauth/callback")).isTrue();
    }

    @Test
    void acceptsExactlyRegisteredUris() {
        assertThat(uris.allows("https://app.example.com/oauth/callback")).isTrue();
    }

    @Test
    void refusesOtherHostsPathsSchemesAndAdditions() {
        assertThat(uris.allows("http://evil.example:18600/oauth/callback")).isFalse();
        assertThat(uris.allows("http://127.0.0.1:18600/oauth/callback/x")).isFalse();
        assertThat(uris.allows("https://127.0.0.1:18600/oauth/callback")).isFalse();
        assertThat(uris.allows("http://127.0.0.1:18600/oauth/callback?next=evil"))
                .isFalse();
        assertThat(uris.allows("http://127.0.0.1/oauth/callback")).isFalse();
        assertThat(uris.allows("https://app.example.com/oauth/callback2")).isFalse();
        assertThat(uris.allows("http://user@127.0.0.1:1/oauth/callback")).isFalse();
    }

    @Test
    void neverWidensANonLoopbackPattern() {
        RedirectUris wide = new RedirectUris(List.of("https://app.example.com:*/cb"));
        assertThat(wide.allows("https://app.example.com:8443/cb")).isFalse();
    }
}
