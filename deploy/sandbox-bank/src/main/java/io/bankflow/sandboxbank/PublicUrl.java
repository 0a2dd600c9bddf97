package io.bankflow.sandboxbank;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The bank's base URL as TPPs see it: {@code sandbox-bank.public-url}, else the request's scheme, host and port. */
@Component
public class PublicUrl {

    private final String configured;

    public PublicUrl(SandboxBankProperties properties) {
        String url = properties.publicUrl();
        this.configured = url == null || url.isBlank() ? "" : url.replaceAll("/+$", "");
    }

    public String of(HttpServletRequest request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(request.getContextPath())
                .replaceQuery(null)
                .build()
                .toUriString();
    }
}
