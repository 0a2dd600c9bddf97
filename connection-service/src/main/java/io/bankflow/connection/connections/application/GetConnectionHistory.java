package io.bankflow.connection.connections.application;

import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.StatusChange;
import io.bankflow.httpapi.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A connection's history of status changes, oldest first; readable for its whole life, also once revoked. */
@Service
public class GetConnectionHistory {

    private final Connections connections;

    GetConnectionHistory(Connections connections) {
        this.connections = connections;
    }

    /** @throws NotFoundException (404) when the organisation has no such connection */
    @Transactional(readOnly = true)
    public List<StatusChange> history(String orgId, UUID id) {
        if (connections.find(orgId, id).isEmpty()) {
            throw NotFoundException.of("Connection", id);
        }
        return connections.history(orgId, id);
    }
}
