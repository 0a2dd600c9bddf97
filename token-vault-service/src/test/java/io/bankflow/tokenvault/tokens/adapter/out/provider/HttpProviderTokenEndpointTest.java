package io.bankflow.tokenvault.tokens.adapter.out.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.bankflow.tokenvault.tokens.adapter.out.provider.ProviderClientsProperties.ProviderClient;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.ProviderRefusedException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.ProviderUnavailableException;
import io.bankflow.tokenvault.tokens.application.port.out.ProviderTokenEndpoint.UnknownProviderException;
import io.bankflow.tokenvault.tokens.domain.AuthorizationCode;
import io.bankflow.tokenvault.tokens.domain.ProviderTokens;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token endpoint client against a local HTTP server playing the provider's answers (RFC 6749 5.1 / 5.2). */
class HttpProviderTokenEndpointTest {

    static final AuthorizationCode CODE =
            new AuthorizationCode("secret-code-1", "secret-verifier-1", "http://127.0.0.1:18600/oauth/callback");

    HttpServer server;
    final AtomicReference<String> requestBody = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();
    volatile int status = 200;
    volatile String answer = "{}";

    @BeforeEach
    void startProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    HttpProviderTokenEndpoint endpoint(String secret, Path secretFile) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
        return new HttpProviderTokenEndpoint(new ProviderClientsProperties(Map.of(
                "bank",
                new ProviderClient(
                        uri, "bankflow local", secret, secretFile, Duration.ofSeconds(2), Duration.ofSeconds(5)))));
    }

    @Test
    void exchangesACodeWithPkceAndClientSecretBasic() {
        answer = """
                {"access_token":"at-1","token_type":"Bearer","expires_in":300,"refresh_token":"rt-1","scope":"AIS:c1"}""";

        ProviderTokens tokens = endpoint("s3cret:/+", null).exchange("bank", CODE);

        assertThat(tokens.accessToken()).isEqualTo(TokenValue.of("at-1"));
        assertThat(tokens.refreshToken()).isEqualTo(TokenValue.of("rt-1"));
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofSeconds(300));
        assertThat(tokens.scope()).isEqualTo("AIS:c1");
        assertThat(requestBody.get())
                .isEqualTo(
                        "grant_type=authorization_code&code=secret-code-1"
                                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A18600%2Foauth%2Fcallback&code_verifier=secret-verifier-1");
        // RFC 6749 section 2.3.1: id and secret form-encoded before Base64.
        assertThat(new String(
                        Base64.getDecoder().decode(authorization.get().substring("Basic ".length())),
                        StandardCharsets.UTF_8))
                .isEqualTo("bankflow+local:s3cret%3A%2F%2B");
    }

    @Test
    void readsTheClientSecretFromItsFileAtEachCall(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.secret");
        Files.writeString(file, "from-file\n");
        answer = """
                {"access_token":"at-2","token_type":"Bearer","expires_in":60}""";

        ProviderTokens tokens = endpoint("", file).refresh("bank", TokenValue.of("rt-old"));

        assertThat(tokens.refreshToken()).isNull();
        assertThat(requestBody.get()).isEqualTo("grant_type=refresh_token&refresh_token=rt-old");
        assertThat(new String(
                        Base64.getDecoder().decode(authorization.get().substring("Basic ".length())),
                        StandardCharsets.UTF_8))
                .isEqualTo("bankflow+local:from-file");
    }

    @Test
    void reportsAnOAuthErrorByItsCodeNeverItsDescription() {
        status = 400;
        answer = """
                {"error":"invalid_grant","error_description":"code secret-code-1 was already used"}""";

        assertThatThrownBy(() -> endpoint("s", null).exchange("bank", CODE))
                .isInstanceOfSatisfying(ProviderRefusedException.class, e -> {
                    assertThat(e.invalidGrant()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
    }

    @Test
    void treatsServerErrorsBrokenAnswersAndSilenceAsUnavailable() {
        status = 503;
        answer = "";
        assertThatThrownBy(() -> endpoint("s", null).exchange("bank", CODE))
                .isInstanceOf(ProviderUnavailableException.class);

        status = 200;
        answer = "<html>secret-code-1</html>";
        assertThatThrownBy(() -> endpoint("s", null).exchange("bank", CODE))
                .isInstanceOf(ProviderUnavailableException.class)
                .message()
                .doesNotContain("secret");

        answer = """
                {"access_token":"at","token_type":"Bearer"}""";
        assertThatThrownBy(() -> endpoint("s", null).exchange("bank", CODE))
                .as("no expires_in")
                .isInstanceOf(ProviderUnavailableException.class);

        server.stop(0);
        assertThatThrownBy(() -> endpoint("s", null).exchange("bank", CODE))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void refusesAProviderThatIsNotConfigured() {
        assertThatThrownBy(() -> endpoint("s", null).exchange("elsewhere", CODE))
                .isInstanceOf(UnknownProviderException.class);
    }
}
