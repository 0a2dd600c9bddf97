package io.bankflow.sandboxbank;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The sandbox bank on a random port, client secret in target/it-secrets, fast webhook retries. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sandbox-bank.secrets-dir=target/it-secrets",
            "sandbox-bank.webhooks.initial-backoff=50ms",
            "sandbox-bank.webhooks.max-attempts=4"
        })
@interface SandboxBankTest {}
