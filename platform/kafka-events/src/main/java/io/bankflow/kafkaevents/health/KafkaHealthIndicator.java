package io.bankflow.kafkaevents.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the Kafka cluster answers: UP with {@code clusterId} and {@code nodes} when a {@code
 * describeCluster} call returns within the timeout, DOWN otherwise.
 *
 * <p>One admin client is created on the first check and reused (creating one per check would open new connections
 * every probe); its request and API timeouts equal the check timeout, so a check never blocks the health endpoint for
 * longer. Registered as the {@code kafka} contributor; services put it in their readiness group.
 */
public final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final Object lock = new Object();
    private @Nullable Admin admin;
    private boolean closed;

    /**
     * @param adminConfig Kafka admin client properties (bootstrap servers, security)
     * @param timeout longest a check may take
     */
    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        this.adminConfig = new HashMap<>(adminConfig);
        int millis = (int) timeout.toMillis();
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.adminConfig.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "bankflow-health");
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        long millis = timeout.toMillis();
        try {
            DescribeClusterResult cluster =
                    admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
            // Both futures complete from the same response; the second wait is short once the first returned.
            String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
            return Health.up()
                    .withDetail("clusterId", clusterId == null ? "unknown" : clusterId)
                    .withDetail("nodes", nodes)
                    .build();
        } catch (TimeoutException timedOut) {
            return down("no answer within " + timeout);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return down(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (RuntimeException failed) {
            return down(failed.getClass().getSimpleName() + ": " + failed.getMessage());
        }
    }

    private static Health down(String error) {
        return Health.down().withDetail("error", error).build();
    }

    private Admin admin() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the health indicator is closed");
            }
            if (admin == null) {
                admin = Admin.create(adminConfig);
            }
            return admin;
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            closed = true;
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        }
    }
}
