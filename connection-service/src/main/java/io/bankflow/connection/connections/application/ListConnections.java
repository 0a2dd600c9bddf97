package io.bankflow.connection.connections.application;

import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's connections, newest first, a page at a time. */
@Service
public class ListConnections {

    private final Connections connections;

    ListConnections(Connections connections) {
        this.connections = connections;
    }

    @Transactional(readOnly = true)
    public Page list(String orgId, Connections.@Nullable Position after, int limit) {
        List<BankConnection> found = connections.page(orgId, after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<BankConnection> items = found.subList(0, limit);
        BankConnection last = items.getLast();
        return new Page(List.copyOf(items), new Connections.Position(last.createdAt(), last.id()));
    }

    /**
     * One page.
     *
     * @param items the connections
     * @param next where the next page starts, or null on the last page
     */
    public record Page(List<BankConnection> items, Connections.@Nullable Position next) {}
}
