package io.bankflow.sandboxbank.webhooks;

import io.bankflow.sandboxbank.SandboxBankProperties;
import io.bankflow.sandboxbank.bank.application.Notifications;
import io.bankflow.sandboxbank.bank.application.TransactionsAvailable;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code transactions.available} to every subscribed URL, signed the Standard Webhooks way. One message per
 * consent that may read the account (or one without {@code consentId} when none may); each message keeps its
 * {@code webhook-id} on every retry, with a fresh timestamp and signature. Non-2xx answers and connection failures are
 * retried with exponential backoff, up to {@code max-attempts}. Deliveries run on virtual threads and never hold up
 * the bank.
 */
@Component
public class WebhookDispatcher implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int KEPT_DELIVERIES = 200;

    /** A target: URL and its signing secret. */
    public record Subscription(URI url, String secret) {
        @Override
        public String toString() {
            return "Subscription[" + url + "]"; // never the secret
        }
    }

    /** What happened to one message, for {@code GET /sandbox/webhooks}. */
    public record Delivery(
            String webhookId,
            String url,
            String type,
            Map<String, Object> data,
            int attempts,
            @Nullable Integer lastStatus,
            String outcome) {}

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private final SandboxBankProperties.Webhooks settings;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public WebhookDispatcher(SandboxBankProperties properties, JsonMapper json, Clock clock) {
        this.settings = properties.webhooks();
        this.json = json;
        this.clock = clock;
        if (settings.url() != null && !settings.url().isBlank()) {
            if (settings.secret() == null || settings.secret().isBlank()) {
                throw new IllegalStateException(
                        "sandbox-bank.webhooks.url is set but sandbox-bank.webhooks.secret (SANDBOX_BANK_WEBHOOK_SECRET) is not");
            }
            subscribe(URI.create(settings.url()), settings.secret());
        }
    }

    /** Adds a target, or replaces the secret of one with the same URL. */
    public Subscription subscribe(URI url, String secret) {
        new StandardWebhooksSigner(secret); // fails on a malformed secret now rather than at the first delivery
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("The webhook URL must be http or https");
        }
        Subscription subscription = new Subscription(url, secret);
        subscriptions.removeIf(existing -> existing.url().equals(url));
        subscriptions.add(subscription);
        return subscription;
    }

    public void unsubscribeAll() {
        subscriptions.clear();
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    @Override
    public void transactionsAvailable(TransactionsAvailable event) {
        List<Map<String, Object>> datas = new ArrayList<>();
        if (event.consentIds().isEmpty()) {
            datas.add(Map.of("accountId", event.accountId()));
        }
        for (String consentId : event.consentIds()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("consentId", consentId);
            data.put("accountId", event.accountId());
            datas.add(data);
        }
        for (Subscription subscription : subscriptions) {
            for (Map<String, Object> data : datas) {
                String webhookId = "msg_" + UUID.randomUUID().toString().replace("-", "");
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("type", "transactions.available");
                payload.put("timestamp", clock.instant().toString());
                payload.put("data", data);
                byte[] body = json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
                executor.submit(() -> deliver(subscription, webhookId, "transactions.available", data, body));
            }
        }
    }

    private void deliver(
            Subscription subscription, String webhookId, String type, Map<String, Object> data, byte[] body) {
        StandardWebhooksSigner signer = new StandardWebhooksSigner(subscription.secret());
        Duration backoff = settings.initialBackoff();
        Integer lastStatus = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            long timestamp = Instant.now(clock).getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(subscription.url())
                    .timeout(settings.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "sandbox-bank-webhooks/1.0")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signer.sign(webhookId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<Void> response;
                // A client per attempt: a retry never reuses a keep-alive connection the receiver may have dropped.
                try (HttpClient http = newClient()) {
                    response = http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                lastStatus = response.statusCode();
                if (lastStatus / 100 == 2) {
                    record(new Delivery(
                            webhookId, subscription.url().toString(), type, data, attempt, lastStatus, "delivered"));
                    return;
                }
                log.info(
                        "Webhook {} to {}: attempt {} answered {}", webhookId, subscription.url(), attempt, lastStatus);
            } catch (java.io.IOException failed) {
                log.info(
                        "Webhook {} to {}: attempt {} failed: {}",
                        webhookId,
                        subscription.url(),
                        attempt,
                        failed.toString());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                record(new Delivery(
                        webhookId, subscription.url().toString(), type, data, attempt, lastStatus, "interrupted"));
                return;
            }
            if (attempt < settings.maxAttempts()) {
                try {
                    Thread.sleep(backoff); // a virtual thread: waiting costs nothing
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    record(new Delivery(
                            webhookId, subscription.url().toString(), type, data, attempt, lastStatus, "interrupted"));
                    return;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        log.warn("Webhook {} to {}: given up after {} attempts", webhookId, subscription.url(), settings.maxAttempts());
        record(new Delivery(
                webhookId, subscription.url().toString(), type, data, settings.maxAttempts(), lastStatus, "failed"));
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempts against arbitrary receivers
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private void record(Delivery delivery) {
        synchronized (deliveries) {
            deliveries.addLast(delivery);
            while (deliveries.size() > KEPT_DELIVERIES) {
                deliveries.removeFirst();
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
