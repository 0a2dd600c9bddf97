package io.bankflow.sandboxbank.controls;

import io.bankflow.sandboxbank.SandboxBankProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may use {@code /sandbox/**}: loopback callers always (the bank binds to 127.0.0.1 by default, so in the local
 * stack and in tests nothing needs configuring); others only with {@code X-Sandbox-Admin-Token} equal to
 * {@code sandbox-bank.controls.admin-token} ({@code SANDBOX_BANK_ADMIN_TOKEN}), for a sandbox bank deployed where
 * other machines reach it. Without a configured token, non-loopback callers are refused.
 */
@Configuration(proxyBeanMethods = false)
class ControlsGuard implements WebMvcConfigurer, HandlerInterceptor {

    static final String TOKEN_HEADER = "X-Sandbox-Admin-Token";

    private final byte[] adminToken;

    ControlsGuard(SandboxBankProperties properties) {
        String token = properties.controls().adminToken();
        this.adminToken = token == null || token.isBlank() ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/sandbox", "/sandbox/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (isLoopback(request.getRemoteAddr())) {
            return true;
        }
        String presented = request.getHeader(TOKEN_HEADER);
        if (adminToken.length > 0
                && presented != null
                && MessageDigest.isEqual(adminToken, presented.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        response.setStatus(403);
        response.setContentType("application/json");
        response.getWriter()
                .write("{\"error\":\"forbidden\",\"error_description\":\"The sandbox controls answer "
                        + "loopback callers, or callers presenting " + TOKEN_HEADER + "\"}");
        return false;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
