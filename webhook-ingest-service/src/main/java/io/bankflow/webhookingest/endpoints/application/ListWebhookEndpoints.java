package io.bankflow.webhookingest.endpoints.application;

import io.bankflow.webhookingest.endpoints.application.port.out.WebhookEndpoints;
import io.bankflow.webhookingest.endpoints.domain.WebhookEndpoint;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's organisation's endpoints, newest first, a page at a time (keyset pagination: stable under inserts). */
@Service
public class ListWebhookEndpoints {

    private final WebhookEndpoints endpoints;

    ListWebhookEndpoints(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @param after where the previous page ended, or null for the first page
     * @param limit the page size, at least 1
     */
    @Transactional(readOnly = true)
    public Page list(String orgId, WebhookEndpoints.@Nullable Position after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        // One more than asked tells whether another page exists, without a count query.
        List<WebhookEndpoint> found = endpoints.list(orgId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<WebhookEndpoint> items = found.subList(0, limit);
        WebhookEndpoint last = items.getLast();
        return new Page(List.copyOf(items), new WebhookEndpoints.Position(last.createdAt(), last.id()));
    }

    /**
     * @param items the endpoints of this page
     * @param next where the next page starts, or null when this is the last
     */
    public record Page(List<WebhookEndpoint> items, WebhookEndpoints.@Nullable Position next) {}
}
