package io.bankflow.testinfra.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.TestDatabase;
import io.bankflow.testinfra.TestIssuer;
import io.bankflow.testinfra.TestKafka;
import io.bankflow.testinfra.TestRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

@ServiceIntegrationTest(webEnvironment = RANDOM_PORT, properties = "sample.greeting=from the test")
class ServiceIntegrationTestIT {

    @Autowired
    TestDatabase database;

    @Autowired
    Environment environment;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ProducerFactory<String, String> producerFactory;

    @LocalServerPort
    int port;

    @Value("${sample.greeting}")
    String greeting;

    @Test
    void theApplicationServesRequestsFromItsOwnFreshDatabase() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/database"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(database.name()).startsWith("t_serviceintegrationtestit_");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
    }

    @Test
    void kafkaClientsUseTheTestBrokerAndRegistry() throws Exception {
        assertThat(producerFactory.getConfigurationProperties())
                .containsEntry("bootstrap.servers", List.of(TestKafka.bootstrapServers()))
                .containsEntry("schema.registry.url", TestRegistry.ccompatUrl());

        SendResult<String, String> sent = kafka.send("testinfra.sample." + UUID.randomUUID(), "key", "value")
                .get(30, TimeUnit.SECONDS);

        assertThat(sent.getRecordMetadata().hasOffset()).isTrue();
    }

    @Test
    void placeholdersOfTheServiceConfigurationResolveToTheTestServers() {
        assertThat(environment.getProperty("sample.placeholders.database")).isEqualTo(database.jdbcUrl());
        assertThat(environment.getProperty("sample.placeholders.kafka")).isEqualTo(TestKafka.bootstrapServers());
        assertThat(environment.getProperty("sample.placeholders.registry")).isEqualTo(TestRegistry.ccompatUrl());
        assertThat(environment.getProperty("sample.placeholders.issuer")).isEqualTo(TestIssuer.issuerUri());
    }

    @Test
    void resourceServersTrustTheTestIssuer() {
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(TestIssuer.issuerUri())
                .startsWith("http://127.0.0.1:");
    }

    @Test
    void theTestsOwnPropertiesStillApply() {
        assertThat(greeting).isEqualTo("from the test");
    }
}
