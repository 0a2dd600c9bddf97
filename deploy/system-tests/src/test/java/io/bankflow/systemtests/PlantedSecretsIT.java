package io.bankflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.localstack.demo.AccessToken;
import io.bankflow.localstack.demo.Api;
import io.bankflow.localstack.demo.ApiResponse;
import io.bankflow.localstack.demo.DevIssuer;
import io.bankflow.localstack.demo.GatewayClient;
import io.bankflow.localstack.demo.Poll;
import io.bankflow.localstack.demo.SandboxBank;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No bank secret leaks. The stack's sandbox bank marks every authorization code, access token and refresh token it
 * issues with {@link LocalStack#SECRET_MARKER}, and a two-factor challenge here is given a one-time code carrying it;
 * after the demo, the end-to-end test and one more connection made here
 * (whose code is checked to carry the marker, so the search below cannot pass for want of planted values), every log
 * line of Bankflow's components, every record of every Kafka topic, every row of every service database and the API
 * answers are searched for it: zero hits. The sandbox bank's own log is the bank's, not Bankflow's, and is left out.
 */
@ExtendWith(SharedLocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
class PlantedSecretsIT {

    private static final String MARKER = LocalStack.SECRET_MARKER;
    private static final Duration ASYNC = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static GatewayClient gateway;
    private static AccessToken acme;
    private static final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void connectToTheSharedStack(LocalStack shared) {
        stack = shared;
        gateway = new GatewayClient(URI.create(stack.url(0)));
        acme = new DevIssuer(URI.create(stack.url(75)), stack.home().resolve("secrets")).accessToken("acme-erp");
    }

    @Test
    @Order(1)
    void aConnectionMadeWithMarkedCodesAndTokensSyncs() {
        SandboxBank bank = new SandboxBank(URI.create(stack.url(70)));
        SandboxBank.Account gbp = bank.overview().account("NO", "GBP");
        Api.BankAccount account = gateway.registerAccount(acme, "1922", "GBP", gbp.iban(), "Valutakonto GBP")
                .value();
        Api.Connection started = gateway.connectToSandboxBank(acme, account.id());

        URI redirect = bank.authorize(started.authorizationUrl());
        assertThat(redirect.getRawQuery())
                .as("the bank's authorization code carries the marker")
                .contains("code=" + MARKER + "-code-");
        Api.CallbackResult callback = gateway.completeAuthorization(redirect);
        assertThat(callback.status()).isEqualTo("ACTIVE");

        Api.SyncJob sync = Poll.until("the first sync of the GBP connection", ASYNC, Duration.ofMillis(200), () -> {
            List<Api.SyncJob> jobs = gateway.syncJobs(acme, started.id());
            return jobs.isEmpty() ? Optional.empty() : Poll.when(jobs.getFirst().finished(), jobs.getFirst());
        });
        assertThat(sync.status())
                .as("the sync used the marked access token: %s", sync.failure())
                .isEqualTo("COMPLETED");

        // A two-factor challenge with a planted one-time code: a wrong guess, then the right code.
        String challenges = "/api/banking/connections/" + started.id() + "/challenges";
        ApiResponse challenge = gateway.post(challenges, acme, Map.of("type", "OTP", "otp", MARKER + "OTP"));
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(201);
        String verify = challenges + "/" + challenge.as(Map.class).get("id") + "/verify";
        ApiResponse wrong = gateway.post(verify, acme, Map.of("otp", MARKER + "BAD"));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
        ApiResponse right = gateway.post(verify, acme, Map.of("otp", MARKER + "OTP"));
        assertThat(right.status()).as(right.body()).isBetween(200, 299);
        answers.add(challenge.body());
        answers.add(wrong.body());
        answers.add(right.body());
    }

    @Test
    @Order(2)
    void noApiAnswerHoldsABankSecret() {
        for (String path : List.of(
                "/api/banking/accounts",
                "/api/banking/connections",
                "/api/banking/sync-jobs",
                "/api/banking/expected-payments",
                "/api/banking/review-queue",
                "/api/banking/reconciliation/matches",
                "/api/banking/webhook-endpoints")) {
            ApiResponse response = gateway.get(path + "?limit=100", acme);
            assertThat(response.status()).as(path).isEqualTo(200);
            answers.add(response.body());
        }
        assertThat(answers).noneMatch(body -> body.contains(MARKER));
    }

    @Test
    @Order(3)
    void noLogLineOfBankflowHoldsABankSecret() throws IOException {
        Path logs = stack.home().resolve("logs");
        List<Path> files;
        try (Stream<Path> all = Files.walk(logs)) {
            files = all.filter(Files::isRegularFile)
                    // The bank's own log: it issued the secrets; Bankflow's components are what is checked.
                    .filter(file -> !file.getFileName().toString().startsWith("sandbox-bank"))
                    .toList();
        }
        assertThat(files).as("the stack's logs").isNotEmpty();
        for (Path file : files) {
            List<String> hits = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                    .filter(line -> line.contains(MARKER))
                    .toList();
            assertThat(hits).as("lines of %s holding a bank secret", file).isEmpty();
        }
        // The stack's own output (up, the demo) too.
        assertThat(stack.output()).doesNotContain(MARKER);
    }

    @Test
    @Order(4)
    void noKafkaRecordHoldsABankSecret() throws Exception {
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        Set<String> topics;
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics().names().get();
            client.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .forEach((name, description) -> description
                            .partitions()
                            .forEach(partition -> partitions.add(new TopicPartition(name, partition.partition()))));
        }
        assertThat(topics).contains("bankflow.statement-fetched.v1", "bankflow.sync-requested.v1");
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "planted-secrets-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long records = 0;
        List<String> hits = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!drained(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (contains(record.key(), marker) || contains(record.value(), marker)) {
                        hits.add(record.topic() + "@" + record.offset());
                    }
                    for (Header header : record.headers()) {
                        if (contains(header.value(), marker)) {
                            hits.add(record.topic() + "@" + record.offset() + " header " + header.key());
                        }
                    }
                }
            }
            assertThat(drained(consumer, ends))
                    .as("every topic read to its end")
                    .isTrue();
        }
        assertThat(records).as("records read").isPositive();
        assertThat(hits).as("Kafka records holding a bank secret").isEmpty();
    }

    @Test
    @Order(5)
    void noDatabaseRowHoldsABankSecretAndTheVaultHoldsTheTokensEncrypted() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        List<String> hits = new ArrayList<>();
        int tablesSearched = 0;
        for (String database : List.of(
                "bankflow_connection",
                "bankflow_token_vault",
                "bankflow_sync",
                "bankflow_reconciliation",
                "bankflow_cashflow",
                "bankflow_webhook_ingest")) {
            try (Connection connection = DriverManager.getConnection(stack.postgresUrl(database), login);
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "select table_schema || '.' || quote_ident(table_name) from information_schema.tables"
                                + " where table_schema not in ('pg_catalog', 'information_schema')"
                                + " and table_type = 'BASE TABLE'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    tablesSearched++;
                    // The whole row as text: every column, bytea as hex (the marker is ASCII, so encode it too).
                    String hex = toHex(MARKER.getBytes(StandardCharsets.US_ASCII));
                    try (ResultSet found = statement.executeQuery("select count(*) from " + table + " t where t::text"
                            + " like '%" + MARKER + "%' or t::text like '%" + hex + "%'")) {
                        found.next();
                        if (found.getLong(1) > 0) {
                            hits.add(database + "." + table + ": " + found.getLong(1) + " row(s)");
                        }
                    }
                }
                if (database.equals("bankflow_token_vault")) {
                    try (ResultSet stored = statement.executeQuery(
                            "select count(*) from token_record where access_token_ciphertext is not null")) {
                        stored.next();
                        assertThat(stored.getLong(1))
                                .as("tokens are stored (encrypted)")
                                .isPositive();
                    }
                }
            }
        }
        assertThat(tablesSearched).isGreaterThan(20);
        assertThat(hits).as("rows holding a bank secret").isEmpty();
    }

    private static boolean drained(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null || haystack.length < needle.length) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String toHex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
