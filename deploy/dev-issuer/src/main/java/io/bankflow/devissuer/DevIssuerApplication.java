package io.bankflow.devissuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's OAuth2/OIDC issuer. ERP back ends get client-credentials tokens here whose claims carry the
 * organisation ({@code org_id}) and roles ({@code roles}) that the gateway and every service check.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIssuerApplication.class, args);
    }
}
