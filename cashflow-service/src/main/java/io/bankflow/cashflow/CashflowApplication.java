package io.bankflow.cashflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** cashflow-service: Daily balances per account and currency: cash history and forecast. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CashflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CashflowApplication.class, args);
    }
}
