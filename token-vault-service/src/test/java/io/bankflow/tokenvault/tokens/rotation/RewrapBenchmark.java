package io.bankflow.tokenvault.tokens.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.tokenvault.tokens.RewrapProperties;
import io.bankflow.tokenvault.tokens.application.RewrapDataKeys;
import io.bankflow.tokenvault.tokens.application.RewrapDataKeys.Round;
import io.bankflow.tokenvault.tokens.application.port.out.KeyEncryptionKey;
import io.bankflow.tokenvault.tokens.application.port.out.TokenSealer;
import io.bankflow.tokenvault.tokens.domain.SealedField;
import io.bankflow.tokenvault.tokens.domain.SealedTokens;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.TokenSecrets;
import io.bankflow.tokenvault.tokens.domain.TokenValue;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark, not a timed test (ADR 0010): seeds token records, reads every one of them (the baseline: page through
 * the table and open each access token, which unwraps each data key), rotates the KEK and times one rewrap round
 * ({@link RewrapDataKeys#rewrapAll()}, {@code batch-size} data keys per KEK call and transaction). Prints records/s,
 * seconds and the ratio rewrap / read-all, measured in the same run, and writes them to {@code
 * target/rewrap-benchmark/<kek>.txt}. It only asserts the outcome: every record on the new version, still readable.
 *
 * <p>The normal build runs it with 1,000 records so it cannot rot. The figures in ADR 0010 come from 100,000:
 *
 * <pre>
 * ./bankflow mvn -B -pl token-vault-service verify -Dit.test='*RewrapBenchmarkIT' -Dtest=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbankflow.benchmark.records=100000
 * </pre>
 */
abstract class RewrapBenchmark {

    static final int RECORDS = Integer.getInteger("bankflow.benchmark.records", 1_000);
    static final int SEED_CHUNK = 1_000;
    static final int SEED_THREADS = 8;

    @Autowired
    TokenSealer sealer;

    @Autowired
    KeyEncryptionKey kek;

    @Autowired
    RewrapDataKeys rewrapDataKeys;

    @Autowired
    RewrapProperties rewrapProperties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    /** The KEK's name in the figures. */
    abstract String kekName();

    /** Rotates the KEK the way its operators do. */
    abstract void rotate() throws Exception;

    @Test
    void rewrapsEveryRecordAndPrintsTheFigures() throws Exception {
        long seedStart = System.nanoTime();
        seed(RECORDS);
        double seedSeconds = seconds(seedStart);
        String before = kek.currentKeyVersion();

        long readStart = System.nanoTime();
        int read = readAll();
        double readSeconds = seconds(readStart);

        rotate();
        String after = kek.currentKeyVersion();
        long rewrapStart = System.nanoTime();
        Round round = rewrapDataKeys.rewrapAll();
        double rewrapSeconds = seconds(rewrapStart);
        int readAfter = readAll();

        String figures = String.format(
                Locale.ROOT,
                "rewrap-benchmark kek=%s records=%d batch-size=%d%n"
                        + "  seed (seal + insert, %d threads): %.2f s%n"
                        + "  baseline read-all (open every access token, 1 thread): %.2f s, %.0f records/s%n"
                        + "  rewrap round %s -> %s (1 thread): %.2f s, %.0f records/s%n"
                        + "  ratio rewrap / read-all: %.2f%n",
                kekName(),
                RECORDS,
                rewrapProperties.batchSize(),
                SEED_THREADS,
                seedSeconds,
                readSeconds,
                read / readSeconds,
                before,
                after,
                rewrapSeconds,
                round.rewrapped() / rewrapSeconds,
                rewrapSeconds / readSeconds);
        System.out.print(figures);
        Path report = Path.of("target/rewrap-benchmark/" + kekName() + ".txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures);

        assertThat(read).isEqualTo(RECORDS);
        assertThat(round.rewrapped()).isEqualTo(RECORDS);
        assertThat(round.failed()).isZero();
        assertThat(rewrapDataKeys.keyVersions()).isEqualTo(Map.of(after, (long) RECORDS));
        assertThat(readAfter).isEqualTo(RECORDS);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seals records with the service's sealer (the KEK's wrap) in parallel and inserts them in JDBC batches. */
    void seed(int count) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(SEED_THREADS)) {
            List<Future<?>> chunks = new ArrayList<>();
            for (int start = 0; start < count; start += SEED_CHUNK) {
                int size = Math.min(SEED_CHUNK, count - start);
                chunks.add(threads.submit(() -> insert(size)));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        }
    }

    private void insert(int size) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp expires = Timestamp.from(Instant.now().plusSeconds(3600));
        SqlParameterSource[] rows = new SqlParameterSource[size];
        for (int i = 0; i < size; i++) {
            TokenBinding binding = new TokenBinding("bench-org-" + (i % 50), UUID.randomUUID());
            SealedTokens sealed = sealer.seal(
                    binding,
                    new TokenSecrets(
                            TokenValue.of("access-" + UUID.randomUUID()),
                            TokenValue.of("refresh-" + UUID.randomUUID())));
            rows[i] = new MapSqlParameterSource()
                    .addValue("id", UUID.randomUUID())
                    .addValue("orgId", binding.orgId())
                    .addValue("connectionId", binding.connectionId())
                    .addValue("access", sealed.accessToken())
                    .addValue("refresh", sealed.refreshToken())
                    .addValue("dataKey", sealed.dataKey().ciphertext())
                    .addValue("kekId", sealed.dataKey().kekId())
                    .addValue("kekKeyVersion", sealed.dataKey().kekKeyVersion())
                    .addValue("expires", expires)
                    .addValue("now", now);
        }
        batch.batchUpdate("""
                INSERT INTO token_record (id, org_id, connection_id, provider, status, access_token_ciphertext,
                    refresh_token_ciphertext, data_key_wrapped, kek_id, kek_key_version, access_token_expires_at,
                    created_at, updated_at)
                VALUES (:id, :orgId, :connectionId, 'sandbox-bank', 'ACTIVE', :access, :refresh, :dataKey, :kekId,
                    :kekKeyVersion, :expires, :now, :now)
                """, rows);
    }

    /** The baseline: every record, page by page in id order, its access token opened. */
    int readAll() {
        int read = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<Row> page = jdbc.sql("""
                            SELECT id, org_id, connection_id, data_key_wrapped, kek_id, kek_key_version,
                                access_token_ciphertext
                            FROM token_record WHERE id > :after AND data_key_wrapped IS NOT NULL
                            ORDER BY id LIMIT :limit
                            """)
                    .param("after", after)
                    .param("limit", rewrapProperties.batchSize())
                    .query((row, number) -> new Row(
                            row.getObject("id", UUID.class),
                            new TokenBinding(row.getString("org_id"), row.getObject("connection_id", UUID.class)),
                            new SealedTokens(
                                    new WrappedDataKey(
                                            row.getBytes("data_key_wrapped"),
                                            row.getString("kek_id"),
                                            row.getString("kek_key_version")),
                                    row.getBytes("access_token_ciphertext"),
                                    null)))
                    .list();
            for (Row row : page) {
                assertThat(sealer.open(row.sealed(), row.binding(), SealedField.ACCESS_TOKEN)
                                .reveal())
                        .startsWith("access-");
                read++;
            }
            if (page.size() < rewrapProperties.batchSize()) {
                return read;
            }
            after = page.getLast().id();
        }
    }

    record Row(UUID id, TokenBinding binding, SealedTokens sealed) {}
}
