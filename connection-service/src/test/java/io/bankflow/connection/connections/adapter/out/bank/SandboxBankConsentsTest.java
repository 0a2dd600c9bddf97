package io.bankflow.connection.connections.adapter.out.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.bankflow.connection.connections.application.port.out.BankConsents;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a bank stub in this JVM that refuses every consent the way the sandbox bank does. */
class SandboxBankConsentsTest {

    static final String IBAN = "NO9386011117947";

    HttpServer bank;
    SandboxBankConsents consents;

    @BeforeEach
    void startBank() throws IOException {
        bank = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bank.createContext("/v1/consents", exchange -> {
            byte[] body = ("{\"tppMessages\": [{\"category\": \"ERROR\", \"code\": \"FORMAT_ERROR\","
                            + " \"text\": \"access.balances: the account " + IBAN + " is unknown\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        bank.start();
        consents = new SandboxBankConsents(new SandboxBankProperties(
                URI.create("http://127.0.0.1:" + bank.getAddress().getPort()), "bankflow-test", Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopBank() {
        bank.stop(0);
    }

    @Test
    void masksTheIbanTheBankQuotesInItsRefusal() {
        BankConsents.ConsentRefusedException refused = catchThrowableOfType(
                BankConsents.ConsentRefusedException.class,
                () -> consents.createConsent(new BankConsents.ConsentRequest(IBAN, LocalDate.parse("2027-05-20"), 4)));

        assertThat(refused.code()).isEqualTo("FORMAT_ERROR");
        assertThat(refused.getMessage())
                .contains("the account NO93 **** **** 7947 is unknown")
                .doesNotContain(IBAN)
                .doesNotContain("86011117");
    }
}
