package io.bankflow.httpapi.security;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a service's controllers do with the caller, and the paths every service leaves public. */
@RestController
class CallerController {

    @GetMapping("/api/banking/whoami")
    Map<String, Object> whoami(Caller caller) {
        return Map.of(
                "orgId", caller.orgId(),
                "clientId", caller.clientId(),
                "roles", caller.roles().stream().map(Role::claimValue).toList());
    }

    @PostMapping("/api/banking/settings")
    Map<String, String> changeSettings(Caller caller) {
        caller.require(Role.ADMIN);
        return Map.of("changedFor", caller.orgId());
    }

    @GetMapping("/api/banking/no-caller")
    List<String> withoutCaller() {
        return List.of("authenticated, but the controller does not ask who");
    }

    @PostMapping("/webhooks/stripe/3f2504e0")
    String webhook() {
        return "webhook received";
    }

    @GetMapping("/oauth/callback")
    String callback() {
        return "callback received";
    }

    @GetMapping("/sandbox/ping")
    String sandbox() {
        return "public by configuration";
    }

    /** A public path whose controller asks for a caller anyway: there is none. */
    @GetMapping("/webhooks/whoami")
    String webhookCaller(Caller caller) {
        return caller.orgId();
    }
}
