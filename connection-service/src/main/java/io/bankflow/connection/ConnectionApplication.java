package io.bankflow.connection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** connection-service: Bank accounts, bank connections and their consents: the OAuth2/PSD2 consent flow and the connection lifecycle. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConnectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConnectionApplication.class, args);
    }
}
