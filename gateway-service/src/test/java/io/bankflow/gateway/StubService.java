package io.bankflow.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a Bankflow service behind the gateway: answers every request with its own name, the path it received
 * and the request id it received, so tests can see where and how the gateway routed; the {@code Authorization} header it
 * received comes back in {@value #SEEN_AUTHORIZATION}.
 */
final class StubService implements AutoCloseable {

    /** Response header echoing the Authorization header the service received. */
    static final String SEEN_AUTHORIZATION = "X-Stub-Seen-Authorization";

    private final HttpServer server;

    private StubService(HttpServer server) {
        this.server = server;
    }

    static StubService start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
                byte[] body =
                        (name + " " + exchange.getRequestURI() + " " + requestId).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                // Services echo the id too; the gateway must not end up with two values.
                if (requestId != null) {
                    exchange.getResponseHeaders().set("X-Request-Id", requestId);
                }
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    exchange.getResponseHeaders().set(SEEN_AUTHORIZATION, authorization);
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new StubService(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A URL on which nothing listens: a service that is down. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
