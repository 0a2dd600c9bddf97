package io.bankflow.tokenvault.tokens.adapter.out.persistence;

import io.bankflow.tokenvault.tokens.application.port.out.WrappedDataKeys;
import io.bankflow.tokenvault.tokens.domain.TokenBinding;
import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link WrappedDataKeys} on {@code token_record} with plain SQL: a rewrap touches two columns of many rows, which is
 * no job for entities. Pages are read through the primary key ({@code id > :after ORDER BY id}), so each page costs an
 * index range scan, not a scan of the table. The write-back neither bumps the row's optimistic-locking version nor its
 * {@code updated_at}: the record means the same as before, and a concurrent domain change must not fail because of it.
 */
@Repository
class JdbcWrappedDataKeys implements WrappedDataKeys {

    /** Below every random UUID, in PostgreSQL's (bytewise) order. */
    private static final UUID FIRST = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    JdbcWrappedDataKeys(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public List<StoredDataKey> notOnVersion(String kekId, String keyVersion, @Nullable UUID after, int limit) {
        return jdbc.sql("""
                        SELECT id, org_id, connection_id, data_key_wrapped, kek_id, kek_key_version
                        FROM token_record
                        WHERE id > :after AND kek_id = :kekId AND kek_key_version <> :keyVersion
                          AND data_key_wrapped IS NOT NULL
                        ORDER BY id
                        LIMIT :limit
                        """)
                .param("after", after == null ? FIRST : after)
                .param("kekId", kekId)
                .param("keyVersion", keyVersion)
                .param("limit", limit)
                .query((row, number) -> new StoredDataKey(
                        row.getObject("id", UUID.class),
                        new TokenBinding(row.getString("org_id"), row.getObject("connection_id", UUID.class)),
                        new WrappedDataKey(
                                row.getBytes("data_key_wrapped"),
                                row.getString("kek_id"),
                                row.getString("kek_key_version"))))
                .list();
    }

    /**
     * One statement for the whole page: the replacements travel as arrays and are joined to the rows ({@code unnest}),
     * so a page costs one round trip and one plan instead of one UPDATE per row.
     */
    @Override
    @Transactional
    public int replace(List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return 0;
        }
        int size = replacements.size();
        UUID[] ids = new UUID[size];
        String[] kekIds = new String[size];
        String[] previousVersions = new String[size];
        byte[][] previous = new byte[size][];
        String[] nextKekIds = new String[size];
        String[] nextVersions = new String[size];
        byte[][] next = new byte[size][];
        for (int i = 0; i < size; i++) {
            Replacement replacement = replacements.get(i);
            ids[i] = replacement.recordId();
            kekIds[i] = replacement.previous().kekId();
            previousVersions[i] = replacement.previous().kekKeyVersion();
            previous[i] = replacement.previous().ciphertext();
            nextKekIds[i] = replacement.next().kekId();
            nextVersions[i] = replacement.next().kekKeyVersion();
            next[i] = replacement.next().ciphertext();
        }
        Integer updated = jdbcTemplate.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE token_record AS t
                    SET data_key_wrapped = r.next, kek_id = r.next_kek_id, kek_key_version = r.next_version
                    FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::bytea[], ?::varchar[], ?::varchar[],
                            ?::bytea[])
                        AS r(id, kek_id, previous_version, previous, next_kek_id, next_version, next)
                    WHERE t.id = r.id AND t.kek_id = r.kek_id AND t.kek_key_version = r.previous_version
                      AND t.data_key_wrapped = r.previous
                    """)) {
                update.setArray(1, connection.createArrayOf("uuid", ids));
                update.setArray(2, connection.createArrayOf("varchar", kekIds));
                update.setArray(3, connection.createArrayOf("varchar", previousVersions));
                update.setArray(4, connection.createArrayOf("bytea", previous));
                update.setArray(5, connection.createArrayOf("varchar", nextKekIds));
                update.setArray(6, connection.createArrayOf("varchar", nextVersions));
                update.setArray(7, connection.createArrayOf("bytea", next));
                return update.executeUpdate();
            }
        });
        return updated == null ? 0 : updated;
    }

    @Override
    public Map<String, Long> countByKeyVersion(String kekId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT kek_key_version, count(*) AS records FROM token_record
                        WHERE kek_id = :kekId AND data_key_wrapped IS NOT NULL
                        GROUP BY kek_key_version
                        ORDER BY kek_key_version
                        """).param("kekId", kekId).query((ResultSet row) -> {
            counts.put(row.getString("kek_key_version"), row.getLong("records"));
        });
        return counts;
    }
}
