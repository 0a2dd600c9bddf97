package io.bankflow.sandboxbank;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * A PSD2 bank to try Bankflow against without a bank contract. It behaves like a real bank's public API, answers in
 * the Berlin Group NextGenPSD2 shapes and keeps its (seeded, deterministic) state in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxBankApplication {

    public static void main(String[] args) {
        SpringApplication.run(SandboxBankApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
