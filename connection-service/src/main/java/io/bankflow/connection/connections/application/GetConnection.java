package io.bankflow.connection.connections.application;

import io.bankflow.connection.connections.application.port.out.Connections;
import io.bankflow.connection.connections.domain.BankConnection;
import io.bankflow.httpapi.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One connection of the caller's organisation; another organisation's connection is not found. */
@Service
public class GetConnection {

    private final Connections connections;

    GetConnection(Connections connections) {
        this.connections = connections;
    }

    /** @throws NotFoundException (404) when the organisation has no such connection */
    @Transactional(readOnly = true)
    public BankConnection get(String orgId, UUID id) {
        return connections.find(orgId, id).orElseThrow(() -> NotFoundException.of("Connection", id));
    }
}
