package io.bankflow.connection.audit;

import static io.bankflow.connection.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.connection.schedules.TestConnections;
import io.bankflow.connection.testing.Api;
import io.bankflow.events.EventTopics;
import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.token.TokenRefreshed;
import io.bankflow.events.token.TokenRevoked;
import io.bankflow.testinfra.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Token updates reach the audit trail: TokenRefreshed and TokenRevoked from the real broker (Avro through the real
 * registry) become one entry each, however often Kafka delivers them, visible to the organisation only.
 */
@ServiceIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "bankflow.schedules.scheduler.enabled=false",
            "bankflow.challenges.expiry.enabled=false",
            "bankflow.connections.expiry.enabled=false"
        })
class TokenAuditIT {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refreshesAndRevocationsAreAuditedOnceForTheirOrganisation() throws Exception {
        Api api = new Api(port);
        UUID connectionId =
                new TestConnections(jdbc).create("acme-industries", "ACTIVE").id();
        UUID unknown = UUID.randomUUID();
        Instant expires = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        TokenRefreshed refreshed = TokenRefreshed.newBuilder()
                .setMetadata(metadata())
                .setConnectionId(connectionId.toString())
                .setAccessTokenExpiresAt(expires)
                .setRefreshTokenExpiresAt(null)
                .setRotated(true)
                .build();
        TokenRevoked revoked = TokenRevoked.newBuilder()
                .setMetadata(metadata())
                .setConnectionId(connectionId.toString())
                .setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setRevokedAtProvider(true)
                .build();

        kafka.send(EventTopics.TOKEN_REFRESHED, connectionId.toString(), refreshed)
                .get();
        kafka.send(EventTopics.TOKEN_REFRESHED, connectionId.toString(), refreshed)
                .get();
        kafka.send(EventTopics.TOKEN_REVOKED, connectionId.toString(), revoked).get();
        // A connection this service does not know: skipped, not dead-lettered.
        kafka.send(
                        EventTopics.TOKEN_REFRESHED,
                        unknown.toString(),
                        TokenRefreshed.newBuilder(refreshed)
                                .setMetadata(metadata())
                                .setConnectionId(unknown.toString())
                                .build())
                .get();

        String path = "/api/banking/audit?connectionId=" + connectionId;
        List<String> actions = new ArrayList<>();
        long until = System.nanoTime() + WITHIN.toNanos();
        while (actions.size() < 2 && System.nanoTime() < until) {
            Thread.sleep(200);
            actions.clear();
            HttpResponse<String> page = api.get("acme-erp", path);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            for (JsonNode entry : json(page).get("items")) {
                actions.add(entry.get("action").asString());
                assertThat(entry.get("actor").asString()).isEqualTo("token-vault-service");
            }
        }
        Thread.sleep(1000); // a redelivered TokenRefreshed would show up by now
        HttpResponse<String> page = api.get("acme-erp", path);
        List<String> settled = new ArrayList<>();
        json(page).get("items").forEach(entry -> settled.add(entry.get("action").asString()));
        assertThat(settled).containsExactlyInAnyOrder("tokens-refreshed", "tokens-revoked");
        assertThat(page.body()).contains("rotated").contains(expires.toString());

        HttpResponse<String> foreign = api.get("globex-erp", path);
        assertThat(json(foreign).get("items")).isEmpty();
    }

    static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setOrgId("acme-industries")
                .setCorrelationId("it-" + UUID.randomUUID())
                .setCausationId(null)
                .build();
    }
}
