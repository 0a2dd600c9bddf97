package io.bankflow.sandboxbank.oauth.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * A client's registered redirect URIs. A redirect URI must equal one of them exactly (RFC 6749 section 3.1.2.2,
 * OAuth security BCP); the only pattern is {@code *} as the port of a loopback host ({@code 127.0.0.1}, {@code [::1]},
 * {@code localhost}), which accepts any port as RFC 8252 section 7.3 asks for native and local apps.
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private final List<String> registered;

    public RedirectUris(List<String> registered) {
        this.registered = List.copyOf(registered);
    }

    public boolean allows(String redirectUri) {
        return registered.stream().anyMatch(pattern -> matches(pattern, redirectUri));
    }

    static boolean matches(String pattern, String candidate) {
        if (pattern.equals(candidate)) {
            return true;
        }
        int wildcard = pattern.indexOf(":*/");
        if (wildcard < 0) {
            return false;
        }
        try {
            URI patternUri = new URI(pattern.replace(":*/", ":1/"));
            URI uri = new URI(candidate);
            return LOOPBACK.contains(patternUri.getHost())
                    && patternUri.getScheme().equals(uri.getScheme())
                    && patternUri.getHost().equals(uri.getHost())
                    && uri.getPort() > 0
                    && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null
                    && patternUri.getRawPath().equals(uri.getRawPath())
                    && java.util.Objects.equals(patternUri.getRawQuery(), uri.getRawQuery());
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
